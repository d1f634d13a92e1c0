import ClusterControllers
import KubeAPI
import Testing

@Suite struct NodeLifecycleTests {
    @Test("a lease not renewed for 41 s makes the node Unknown and unreachable; a renewed lease and Ready=True clear it")
    func staleLease() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("node-a")
            try await fixture.addNode("node-b")
            await fixture.clock.advance(by: 41)
            try await fixture.renewLease("node-b")
            await fixture.controllers.tick()
            let stale = try await fixture.node("node-a")
            #expect(stale.condition("Ready")?["status"]?.stringValue == "Unknown")
            #expect(stale.condition("Ready")?["reason"]?.stringValue == "NodeStatusUnknown")
            #expect(stale.condition("Ready")?["message"]?.stringValue == "Kubelet stopped posting node status.")
            #expect(stale.condition("MemoryPressure")?["status"]?.stringValue == "Unknown")
            #expect(stale.taintKeys == ["node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/unreachable:NoSchedule"])
            let noExecute = stale[path: ["spec", "taints"]]?.arrayValue?.first { $0["effect"]?.stringValue == "NoExecute" }
            #expect(noExecute?["timeAdded"]?.stringValue == ObjectMeta.timestamp(fixture.clock.now()))
            let fresh = try await fixture.node("node-b")
            #expect(fresh.condition("Ready")?["status"]?.stringValue == "True")
            #expect(fresh.taintKeys.isEmpty)

            try await fixture.renewLease("node-a")
            try await fixture.postStatus("node-a", ready: "True")
            try await fixture.until("the taints are removed") { try await fixture.node("node-a").taintKeys.isEmpty }
            #expect(try await fixture.node("node-a").condition("Ready")?["status"]?.stringValue == "True")
        }
    }

    @Test("Ready=False from the kubelet adds the not-ready taints")
    func notReady() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("node-a")
            try await fixture.postStatus("node-a", ready: "False")
            try await fixture.until("node-a is tainted not-ready") {
                try await fixture.node("node-a").taintKeys == ["node.kubernetes.io/not-ready:NoExecute", "node.kubernetes.io/not-ready:NoSchedule"]
            }
        }
    }

    @Test("a 30-day clock jump with leases renewed at the new instant before the tick marks no node NotReady")
    func clockJump() async throws {
        try await ControllerFixture.with { fixture in
            let nodes = ["node-a", "node-b", "node-c"]
            for name in nodes { try await fixture.addNode(name) }
            await fixture.clock.advance(by: 30 * 86_400)
            for name in nodes { try await fixture.renewLease(name) }
            await fixture.controllers.tick()
            for name in nodes {
                let node = try await fixture.node(name)
                #expect(node.condition("Ready")?["status"]?.stringValue == "True")
                #expect(node.taintKeys.isEmpty)
            }
        }
    }

    @Test("pods on a node unreachable for more than 300 s are deleted and recreated on a healthy node; daemon pods stay")
    func unreachableEviction() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("node-a")
            try await fixture.addNode("node-b")
            _ = try await fixture.client.create(.deployments, namespace: "default", ControllerFixture.deployment("web", replicas: 4))
            try await fixture.until("4 pods run") { try await fixture.pods(labelSelector: "app=web").filter { $0.nodeName != nil }.count == 4 }
            #expect(try await fixture.pods(labelSelector: "app=web").contains { $0.nodeName == "node-a" })

            await fixture.clock.advance(by: 41)
            try await fixture.renewLease("node-b")
            await fixture.controllers.tick()
            #expect(try await fixture.node("node-a").taintKeys.contains("node.kubernetes.io/unreachable:NoExecute"))
            #expect(try await fixture.pods(labelSelector: "app=web").contains { $0.nodeName == "node-a" })  // within tolerationSeconds

            await fixture.clock.advance(by: 301)
            try await fixture.renewLease("node-b")
            try await fixture.until("every web pod runs on node-b") {
                let pods = try await fixture.pods(labelSelector: "app=web")
                return pods.count == 4 && pods.allSatisfy { $0.nodeName == "node-b" }
            }
            #expect(try await DaemonSetTests.podNodes(fixture, "k8s-app=kube-proxy", namespace: "kube-system") == ["node-a", "node-b"])
        }
    }

    @Test("an evicted pod of a Deployment (kubectl drain) is recreated on another node when its node is cordoned")
    func drain() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("node-a")
            try await fixture.addNode("node-b")
            _ = try await fixture.client.create(.deployments, namespace: "default", ControllerFixture.deployment("web", replicas: 2))
            try await fixture.until("2 pods run") { try await fixture.pods(labelSelector: "app=web").filter { $0.nodeName != nil }.count == 2 }
            try await fixture.cordon("node-a")
            try await fixture.until("the cordon is seen") { try await fixture.node("node-a").taintKeys == ["node.kubernetes.io/unschedulable:NoSchedule"] }
            for pod in try await fixture.pods(labelSelector: "app=web") where pod.nodeName == "node-a" {
                try await fixture.client.evict(namespace: "default", pod: pod.name)
            }
            try await fixture.until("both pods run on node-b") {
                let pods = try await fixture.pods(labelSelector: "app=web")
                return pods.count == 2 && pods.allSatisfy { $0.nodeName == "node-b" && $0[path: ["status", "phase"]]?.stringValue == "Running" }
            }
        }
    }

    @Test("pods bound to a node that no longer exists are deleted and replaced")
    func orphanedPods() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("node-a")
            try await fixture.addNode("node-b")
            _ = try await fixture.client.create(.deployments, namespace: "default", ControllerFixture.deployment("web", replicas: 2))
            try await fixture.until("2 pods run") { try await fixture.pods(labelSelector: "app=web").filter { $0.nodeName != nil }.count == 2 }
            try await fixture.client.delete(.nodes, "node-a")
            try await fixture.until("both pods run on node-b") {
                let pods = try await fixture.pods(labelSelector: "app=web")
                return pods.count == 2 && pods.allSatisfy { $0.nodeName == "node-b" }
            }
        }
    }
}
