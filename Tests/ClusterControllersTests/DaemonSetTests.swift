import ClusterControllers
import KubeAPI
import Testing

@Suite struct DaemonSetTests {
    static func daemonSet(_ name: String, image: String = "agent:1", nodeSelector: JSON? = nil) -> JSON {
        var spec: JSON = ["containers": [["name": "agent", "image": .string(image)]]]
        if let nodeSelector { spec["nodeSelector"] = nodeSelector }
        return [
            "apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": ["name": .string(name), "namespace": "default"],
            "spec": ["selector": ["matchLabels": ["app": .string(name)]], "template": ["metadata": ["labels": ["app": .string(name)]], "spec": spec]],
        ]
    }

    /// Nodes of the DaemonSet's pods, sorted (a node twice means two pods on it).
    static func podNodes(_ fixture: ControllerFixture, _ selector: String, namespace: String = "default") async throws -> [String] {
        try await fixture.pods(namespace, labelSelector: selector).compactMap(\.nodeName).sorted()
    }

    @Test("a DaemonSet gets exactly one pod per node; a new node gets one, a deleted node's pod goes (N12)")
    func onePodPerNode() async throws {
        try await ControllerFixture.with { fixture in
            for name in ["node-a", "node-b", "node-c"] { try await fixture.addNode(name) }
            _ = try await fixture.client.create(.daemonSets, namespace: "default", Self.daemonSet("tuner"))
            try await fixture.until("one pod per node") { try await Self.podNodes(fixture, "app=tuner") == ["node-a", "node-b", "node-c"] }

            try await fixture.addNode("node-d")
            try await fixture.until("the new node gets its pod") { try await Self.podNodes(fixture, "app=tuner") == ["node-a", "node-b", "node-c", "node-d"] }

            try await fixture.client.delete(.nodes, "node-b")
            try await fixture.until("the deleted node's pod goes") { try await Self.podNodes(fixture, "app=tuner") == ["node-a", "node-c", "node-d"] }
            try await fixture.until("the status counts three nodes") {
                let status = try await fixture.client.get(.daemonSets, namespace: "default", "tuner")["status"]
                return status?["desiredNumberScheduled"]?.intValue == 3 && status?["currentNumberScheduled"]?.intValue == 3
                    && status?["numberReady"]?.intValue == 3 && status?["updatedNumberScheduled"]?.intValue == 3
            }
        }
    }

    @Test("a DaemonSet runs on cordoned nodes but only on nodes its selector matches")
    func selectorAndCordon() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("node-a", labels: ["role": "edge"])
            try await fixture.addNode("node-b", labels: ["role": "edge"])
            try await fixture.addNode("node-c")
            try await fixture.cordon("node-b")
            _ = try await fixture.client.create(.daemonSets, namespace: "default", Self.daemonSet("edge", nodeSelector: ["role": "edge"]))
            try await fixture.until("pods on the edge nodes only") { try await Self.podNodes(fixture, "app=edge") == ["node-a", "node-b"] }
        }
    }

    @Test("a DaemonSet skips nodes with taints it does not tolerate, and a not-ready node with its NoSchedule taint")
    func taints() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("node-a")
            try await fixture.addNode("gpu", taints: [["key": "sku", "value": "gpu", "effect": "NoSchedule"]])
            try await fixture.addNode("sick")
            try await fixture.postStatus("sick", ready: "False")
            try await fixture.until("sick is tainted not-ready") { try await fixture.node("sick").taintKeys.count == 2 }
            _ = try await fixture.client.create(.daemonSets, namespace: "default", Self.daemonSet("tuner"))
            try await fixture.until("only node-a runs the pod") {
                let status = try await fixture.client.get(.daemonSets, namespace: "default", "tuner")["status"]
                return try await Self.podNodes(fixture, "app=tuner") == ["node-a"] && status?["desiredNumberScheduled"]?.intValue == 1
            }
            try await fixture.postStatus("sick", ready: "True")
            try await fixture.until("the recovered node gets its pod") { try await Self.podNodes(fixture, "app=tuner") == ["node-a", "sick"] }
        }
    }

    @Test("the managed kube-proxy and ip-masq-agent DaemonSets get a pod on every node")
    func managedDaemonSets() async throws {
        try await ControllerFixture.with { fixture in
            for name in ["node-a", "node-b", "node-c"] { try await fixture.addNode(name) }
            try await fixture.until("kube-proxy and azure-ip-masq-agent run everywhere") {
                let proxy = try await Self.podNodes(fixture, "k8s-app=kube-proxy", namespace: "kube-system")
                let masq = try await Self.podNodes(fixture, "k8s-app=azure-ip-masq-agent", namespace: "kube-system")
                return proxy == ["node-a", "node-b", "node-c"] && masq == ["node-a", "node-b", "node-c"]
            }
            let proxy = try await fixture.pods("kube-system", labelSelector: "k8s-app=kube-proxy")
            let tolerations = proxy.first?[path: ["spec", "tolerations"]]?.arrayValue ?? []
            #expect(tolerations.contains { $0["key"]?.stringValue == "node.kubernetes.io/unreachable" && $0["effect"]?.stringValue == "NoExecute" })
        }
    }

    @Test("a template change replaces the DaemonSet's pods node by node")
    func rollingUpdate() async throws {
        try await ControllerFixture.with { fixture in
            for name in ["node-a", "node-b", "node-c"] { try await fixture.addNode(name) }
            _ = try await fixture.client.create(.daemonSets, namespace: "default", Self.daemonSet("tuner"))
            try await fixture.until("one pod per node") { try await Self.podNodes(fixture, "app=tuner").count == 3 }
            let patch: JSON = ["spec": ["template": ["spec": ["containers": [["name": "agent", "image": "agent:2"]]]]]]
            _ = try await fixture.client.patch(.daemonSets, namespace: "default", "tuner", patch, type: .strategicMerge)
            try await fixture.until("every node runs the new image") {
                let pods = try await fixture.pods(labelSelector: "app=tuner")
                return pods.count == 3 && Set(pods.compactMap(\.nodeName)).count == 3
                    && pods.allSatisfy { $0[path: ["spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue == "agent:2" }
            }
        }
    }
}
