import ClusterControllers
import KubeAPI
import Testing

@Suite struct SchedulerTests {
    @Test("a pod needing more cpu than any node has stays Pending with the Unschedulable condition, message and event")
    func insufficientCPU() async throws {
        try await ControllerFixture.with(runsPods: false) { fixture in
            try await fixture.addNode("node-a", cpu: "2")
            try await fixture.addNode("node-b", cpu: "2")
            try await fixture.addNode("node-c", cpu: "8")
            try await fixture.cordon("node-c")
            _ = try await fixture.client.create(.pods, namespace: "default", ControllerFixture.pod("big", cpu: "4"))
            let message = "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu."
            try await fixture.until("the pod is marked unschedulable") {
                let pod = try await fixture.client.get(.pods, namespace: "default", "big")
                return pod.condition("PodScheduled")?["message"]?.stringValue == message
            }
            let pod = try await fixture.client.get(.pods, namespace: "default", "big")
            #expect(pod.nodeName == nil)
            #expect(pod[path: ["status", "phase"]]?.stringValue == "Pending")
            #expect(pod.condition("PodScheduled")?["status"]?.stringValue == "False")
            #expect(pod.condition("PodScheduled")?["reason"]?.stringValue == "Unschedulable")
            let events = try await fixture.client.list(.events, namespace: "default").items
            #expect(events.contains {
                $0["reason"]?.stringValue == "FailedScheduling" && $0["message"]?.stringValue == message
                    && $0[path: ["involvedObject", "name"]]?.stringValue == "big" && $0["type"]?.stringValue == "Warning"
            })

            // Retried when nodes change: a big enough node arrives and the pod is bound to it.
            try await fixture.addNode("node-d", cpu: "16")
            try await fixture.until("the pod is bound to the new node") {
                try await fixture.client.get(.pods, namespace: "default", "big").nodeName == "node-d"
            }
            #expect(try await fixture.client.get(.pods, namespace: "default", "big").condition("PodScheduled")?["status"]?.stringValue == "True")
        }
    }

    @Test("requests add up: a node is full once its pods request all its cpu")
    func requestsAddUp() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("node-a", cpu: "2")
            for index in 1...3 { _ = try await fixture.client.create(.pods, namespace: "default", ControllerFixture.pod("p\(index)", cpu: "900m")) }
            try await fixture.until("two pods are bound and one is unschedulable") {
                let pods = try await fixture.pods()
                return pods.filter { $0.nodeName == "node-a" }.count == 2
                    && pods.contains { $0.condition("PodScheduled")?["message"]?.stringValue == "0/1 nodes are available: 1 Insufficient cpu." }
            }
        }
    }

    @Test("nodeSelector and required node affinity choose among nodes by label")
    func nodeSelector() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("node-a", labels: ["disk": "hdd"])
            try await fixture.addNode("node-b", labels: ["disk": "ssd"])
            _ = try await fixture.client.create(.pods, namespace: "default", ControllerFixture.pod("fast", spec: ["nodeSelector": ["disk": "ssd"]]))
            let affinity: JSON = [
                "nodeAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": ["nodeSelectorTerms": [
                    ["matchExpressions": [["key": "disk", "operator": "In", "values": ["hdd"]]]]
                ]]]
            ]
            _ = try await fixture.client.create(.pods, namespace: "default", ControllerFixture.pod("slow", spec: ["affinity": affinity]))
            _ = try await fixture.client.create(.pods, namespace: "default", ControllerFixture.pod("nowhere", spec: ["nodeSelector": ["disk": "tape"]]))
            try await fixture.until("the pods are placed by label") {
                let pods = Dictionary(uniqueKeysWithValues: try await fixture.pods().map { ($0.name, $0) })
                return pods["fast"]?.nodeName == "node-b" && pods["slow"]?.nodeName == "node-a"
                    && pods["nowhere"]?.condition("PodScheduled")?["message"]?.stringValue
                        == "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector."
            }
        }
    }

    @Test("a tainted node takes only pods that tolerate its taint")
    func taintsAndTolerations() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("gpu", taints: [["key": "sku", "value": "gpu", "effect": "NoSchedule"]])
            _ = try await fixture.client.create(.pods, namespace: "default", ControllerFixture.pod("plain"))
            let toleration: JSON = [["key": "sku", "operator": "Equal", "value": "gpu", "effect": "NoSchedule"]]
            _ = try await fixture.client.create(.pods, namespace: "default", ControllerFixture.pod("tolerant", spec: ["tolerations": toleration]))
            try await fixture.until("only the tolerant pod is bound") {
                let pods = Dictionary(uniqueKeysWithValues: try await fixture.pods().map { ($0.name, $0) })
                return pods["tolerant"]?.nodeName == "gpu" && pods["plain"]?.nodeName == nil
                    && pods["plain"]?.condition("PodScheduled")?["message"]?.stringValue
                        == "0/1 nodes are available: 1 node(s) had untolerated taint {sku: gpu}."
            }
        }
    }

    @Test("a cordoned node gets no new pods, and its unschedulable taint comes and goes with the cordon")
    func cordon() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("node-a")
            try await fixture.addNode("node-b")
            try await fixture.cordon("node-a")
            try await fixture.until("node-a carries the unschedulable taint") {
                try await fixture.node("node-a").taintKeys == ["node.kubernetes.io/unschedulable:NoSchedule"]
            }
            for index in 1...4 { _ = try await fixture.client.create(.pods, namespace: "default", ControllerFixture.pod("p\(index)")) }
            try await fixture.until("all pods are bound") { try await fixture.pods().allSatisfy { $0.nodeName != nil } }
            #expect(try await fixture.pods().allSatisfy { $0.nodeName == "node-b" })
            _ = try await fixture.client.patch(.nodes, "node-a", ["spec": ["unschedulable": nil]])
            try await fixture.until("the taint is gone after uncordon") { try await fixture.node("node-a").taintKeys.isEmpty }
        }
    }
}
