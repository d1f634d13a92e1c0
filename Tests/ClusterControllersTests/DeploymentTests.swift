import ClusterControllers
import KubeAPI
import Testing

@Suite struct DeploymentTests {
    @Test("a Deployment of 3 gets one ReplicaSet and 3 running pods spread over 3 nodes")
    func deploymentSpreads() async throws {
        try await ControllerFixture.with { fixture in
            for name in ["node-a", "node-b", "node-c"] { try await fixture.addNode(name) }
            _ = try await fixture.client.create(.deployments, namespace: "default", ControllerFixture.deployment("web", replicas: 3))
            try await fixture.until("the Deployment is available") {
                let deployment = try await fixture.client.get(.deployments, namespace: "default", "web")
                return deployment[path: ["status", "availableReplicas"]]?.intValue == 3
            }
            let replicaSets = try await fixture.client.list(.replicaSets, namespace: "default").items
            #expect(replicaSets.count == 1)
            let replicaSet = try #require(replicaSets.first)
            let hash = try #require(replicaSet[path: ["metadata", "labels", "pod-template-hash"]]?.stringValue)
            #expect(replicaSet.name == "web-\(hash)")
            #expect(replicaSet[path: ["metadata", "annotations", "deployment.kubernetes.io/revision"]]?.stringValue == "1")
            let pods = try await fixture.pods(labelSelector: "app=web")
            #expect(pods.count == 3)
            #expect(Set(pods.compactMap(\.nodeName)) == ["node-a", "node-b", "node-c"])
            #expect(pods.allSatisfy { $0.name.hasPrefix("web-\(hash)-") && $0.name.count == "web-\(hash)-".count + 5 })
            let deployment = try await fixture.client.get(.deployments, namespace: "default", "web")
            #expect(deployment.condition("Available")?["status"]?.stringValue == "True")
            #expect(deployment.condition("Progressing")?["reason"]?.stringValue == "NewReplicaSetAvailable")
            #expect(deployment[path: ["status", "observedGeneration"]]?.intValue == deployment[path: ["metadata", "generation"]]?.intValue)
        }
    }

    @Test("minReadySeconds: Ready pods count as available only once that long has passed on the service clock")
    func minReadySeconds() async throws {
        try await ControllerFixture.with { fixture in
            for name in ["node-a", "node-b", "node-c"] { try await fixture.addNode(name) }
            var deployment = ControllerFixture.deployment("web", replicas: 3)
            deployment[path: ["spec", "minReadySeconds"]] = 30
            _ = try await fixture.client.create(.deployments, namespace: "default", deployment)
            func status(_ field: String) async throws -> Int64? {
                try await fixture.client.get(.deployments, namespace: "default", "web")[path: ["status", field]]?.intValue
            }
            try await fixture.until("3 pods are Ready") { try await status("readyReplicas") == 3 }
            for _ in 0..<5 { await fixture.controllers.tick() }
            #expect(try await status("availableReplicas") ?? 0 == 0, "available before minReadySeconds passed")
            // No object changes from here on: only the passing of time makes them available.
            await fixture.clock.advance(by: 31)
            try await fixture.until("3 pods are available", timeout: 10) { try await status("availableReplicas") == 3 }
        }
    }

    @Test("kubectl scale 3 -> 5 -> 2 is followed by the ReplicaSet and its pods")
    func scaling() async throws {
        try await ControllerFixture.with { fixture in
            for name in ["node-a", "node-b", "node-c"] { try await fixture.addNode(name) }
            _ = try await fixture.client.create(.deployments, namespace: "default", ControllerFixture.deployment("web", replicas: 3))
            for replicas: Int64 in [3, 5, 2] {
                _ = try await fixture.client.patch(.deployments, namespace: "default", "web", ["spec": ["replicas": .int(replicas)]], subresource: "scale")
                try await fixture.until("\(replicas) pods run") {
                    let pods = try await fixture.pods(labelSelector: "app=web")
                    let deployment = try await fixture.client.get(.deployments, namespace: "default", "web")
                    return pods.count == replicas && pods.allSatisfy { $0.nodeName != nil }
                        && deployment[path: ["status", "readyReplicas"]]?.intValue == replicas
                        && deployment[path: ["status", "replicas"]]?.intValue == replicas
                }
            }
            let replicaSets = try await fixture.client.list(.replicaSets, namespace: "default").items
            #expect(replicaSets.map { $0[path: ["spec", "replicas"]]?.intValue } == [2])
        }
    }

    @Test("a template change rolls out to a new ReplicaSet with revision 2 and empties the old one")
    func rollingUpdate() async throws {
        try await ControllerFixture.with { fixture in
            for name in ["node-a", "node-b", "node-c"] { try await fixture.addNode(name) }
            _ = try await fixture.client.create(.deployments, namespace: "default", ControllerFixture.deployment("web", replicas: 3))
            try await fixture.until("revision 1 is available") {
                try await fixture.client.get(.deployments, namespace: "default", "web")[path: ["status", "availableReplicas"]]?.intValue == 3
            }
            let patch: JSON = ["spec": ["template": ["spec": ["containers": [["name": "app", "image": "nginx:1.28"]]]]]]
            _ = try await fixture.client.patch(.deployments, namespace: "default", "web", patch, type: .strategicMerge)
            try await fixture.until("the rollout completes") {
                let deployment = try await fixture.client.get(.deployments, namespace: "default", "web")
                let pods = try await fixture.pods(labelSelector: "app=web")
                return deployment[path: ["status", "observedGeneration"]] == deployment[path: ["metadata", "generation"]]
                    && deployment[path: ["status", "updatedReplicas"]]?.intValue == 3 && deployment[path: ["status", "replicas"]]?.intValue == 3
                    && deployment[path: ["status", "availableReplicas"]]?.intValue == 3 && pods.count == 3
            }
            let replicaSets = try await fixture.client.list(.replicaSets, namespace: "default").items
            #expect(replicaSets.count == 2)
            let byRevision = Dictionary(uniqueKeysWithValues: replicaSets.map {
                ($0[path: ["metadata", "annotations", "deployment.kubernetes.io/revision"]]?.stringValue ?? "", $0)
            })
            #expect(byRevision["1"]?[path: ["spec", "replicas"]]?.intValue == 0)
            #expect(byRevision["2"]?[path: ["spec", "replicas"]]?.intValue == 3)
            #expect(byRevision["2"]?[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue == "nginx:1.28")
            let pods = try await fixture.pods(labelSelector: "app=web")
            #expect(pods.allSatisfy { $0[path: ["spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue == "nginx:1.28" })
            let deployment = try await fixture.client.get(.deployments, namespace: "default", "web")
            #expect(deployment[path: ["metadata", "annotations", "deployment.kubernetes.io/revision"]]?.stringValue == "2")
        }
    }

    @Test("Recreate replaces the pods through a new ReplicaSet, and going back to the old template (rollout undo) makes it revision 3")
    func recreateAndUndo() async throws {
        try await ControllerFixture.with { fixture in
            for name in ["node-a", "node-b"] { try await fixture.addNode(name) }
            var deployment = ControllerFixture.deployment("api", replicas: 2)
            deployment[path: ["spec", "strategy"]] = ["type": "Recreate"]
            _ = try await fixture.client.create(.deployments, namespace: "default", deployment)
            for image in ["nginx:1.27", "nginx:1.28", "nginx:1.27"] {
                let patch: JSON = ["spec": ["template": ["spec": ["containers": [["name": "app", "image": .string(image)]]]]]]
                _ = try await fixture.client.patch(.deployments, namespace: "default", "api", patch, type: .strategicMerge)
                try await fixture.until("\(image) is rolled out") {
                    let current = try await fixture.client.get(.deployments, namespace: "default", "api")
                    let pods = try await fixture.pods(labelSelector: "app=api")
                    return current[path: ["status", "observedGeneration"]] == current[path: ["metadata", "generation"]]
                        && current[path: ["status", "updatedReplicas"]]?.intValue == 2 && current[path: ["status", "replicas"]]?.intValue == 2
                        && current[path: ["status", "availableReplicas"]]?.intValue == 2 && pods.count == 2
                        && pods.allSatisfy { $0[path: ["spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue == image }
                }
            }
            let replicaSets = try await fixture.client.list(.replicaSets, namespace: "default").items
            let revisions = replicaSets.map {
                "\($0[path: ["metadata", "annotations", "deployment.kubernetes.io/revision"]]?.stringValue ?? "-"):\($0[path: ["spec", "replicas"]]?.intValue ?? -1)"
            }
            #expect(revisions.sorted() == ["2:0", "3:2"])
            let current = try await fixture.client.get(.deployments, namespace: "default", "api")
            #expect(current[path: ["metadata", "annotations", "deployment.kubernetes.io/revision"]]?.stringValue == "3")
        }
    }

    @Test("the managed coredns Deployment gets its replicas scheduled")
    func managedAddons() async throws {
        try await ControllerFixture.with { fixture in
            for name in ["node-a", "node-b"] { try await fixture.addNode(name) }
            try await fixture.until("coredns runs") {
                let pods = try await fixture.pods("kube-system", labelSelector: "k8s-app=coredns")
                return pods.count == 2 && pods.allSatisfy { $0.nodeName != nil }
            }
        }
    }
}
