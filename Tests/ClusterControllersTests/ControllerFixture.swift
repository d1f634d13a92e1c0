import ClusterControllers
import ControlPlaneStore
import Core
import Foundation
import KubeAPI
import Testing

/// A real control plane on an embedded datastore with a manual clock, the cluster's
/// controllers running against it, and a stand-in for the node agents: tests create Node
/// objects and their Leases themselves and, when `runsPods`, a watch moves pods bound to a
/// node to Running and Ready as a kubelet would.
struct ControllerFixture {
    let plane: HostedControlPlane
    let clock: SimulatedClock
    let controllers: ClusterControllerSet
    let client: KubeClient

    static func with(runsPods: Bool = true, _ body: (ControllerFixture) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hm-controllers-\(UUIDv4.make())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = SimulatedClock(mode: .manual, start: Date(timeIntervalSince1970: 1_800_000_000))
        let datastore = try SQLiteDatastore.open(path: "\(directory)/datastore.sqlite", clock: clock)
        let planes = HostedControlPlanes(clock: clock, pkiRoot: directory)
        try await planes.start(clusterUID: "c1", kubernetesVersion: "1.33.4", datastore: datastore)
        let plane = try #require(await planes.controlPlane("c1"))
        let controllers = ClusterControllerSet(plane: plane, clock: clock)
        await controllers.start()
        let fixture = ControllerFixture(
            plane: plane, clock: clock, controllers: controllers, client: KubeClient(plane: plane, user: KubeClient.serviceUser("test")))
        let kubelets = runsPods ? Task { await fixture.runBoundPods() } : nil
        var failure: (any Error)?
        do { try await body(fixture) } catch { failure = error }
        kubelets?.cancel()
        await kubelets?.value
        await controllers.stop()
        await planes.stop(clusterUID: "c1")
        try await datastore.close()
        if let failure { throw failure }
    }

    // MARK: Nodes and their heartbeats

    /// Registers a Ready node with `allocatable` and a fresh Lease, as a node agent would, and
    /// waits until the controllers have seen it.
    @discardableResult
    func addNode(_ name: String, cpu: String = "4", memory: String = "16Gi", pods: String = "110", labels: [String: String] = [:], taints: [JSON] = []) async throws -> JSON {
        var nodeLabels: [String: JSON] = ["kubernetes.io/hostname": .string(name), "kubernetes.io/os": "linux"]
        for (key, value) in labels { nodeLabels[key] = .string(value) }
        let resources: JSON = ["cpu": .string(cpu), "memory": .string(memory), "pods": .string(pods)]
        var node: JSON = [
            "apiVersion": "v1", "kind": "Node", "metadata": ["name": .string(name), "labels": .object(nodeLabels)],
            "spec": [:], "status": ["capacity": resources, "allocatable": resources, "conditions": .array(Self.kubeletConditions(ready: "True", at: clock.now()))],
        ]
        if !taints.isEmpty { node[path: ["spec", "taints"]] = .array(taints) }
        let created = try await KubeClient(plane: plane, user: KubeClient.nodeUser(name)).create(.nodes, node)
        try await renewLease(name)
        try await until("the controllers know \(name)") { await controllers.nodeNames.contains(name) }
        return created
    }

    /// Renews the node's Lease at the clock's current instant (creates it the first time).
    func renewLease(_ node: String) async throws {
        let kubelet = KubeClient(plane: plane, user: KubeClient.nodeUser(node))
        let renewTime = JSON.string(ObjectMeta.timestamp(clock.now()))
        if try await kubelet.find(.leases, namespace: "kube-node-lease", node) == nil {
            _ = try await kubelet.create(.leases, namespace: "kube-node-lease", [
                "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                "metadata": ["name": .string(node), "namespace": "kube-node-lease"],
                "spec": ["holderIdentity": .string(node), "leaseDurationSeconds": 40, "renewTime": renewTime],
            ])
        } else {
            _ = try await kubelet.patch(.leases, namespace: "kube-node-lease", node, ["spec": ["renewTime": renewTime]])
        }
    }

    /// The kubelet posts its conditions with `Ready` = `ready` at the clock's instant.
    func postStatus(_ node: String, ready: String) async throws {
        let kubelet = KubeClient(plane: plane, user: KubeClient.nodeUser(node))
        var object = try await kubelet.get(.nodes, node)
        object[path: ["status", "conditions"]] = .array(Self.kubeletConditions(ready: ready, at: clock.now()))
        _ = try await kubelet.updateStatus(.nodes, object)
    }

    static func kubeletConditions(ready: String, at now: Date) -> [JSON] {
        let time = JSON.string(ObjectMeta.timestamp(now))
        let healthy: [(String, String, String)] = [
            ("MemoryPressure", "False", "KubeletHasSufficientMemory"), ("DiskPressure", "False", "KubeletHasNoDiskPressure"),
            ("PIDPressure", "False", "KubeletHasSufficientPID"),
            ("Ready", ready, ready == "True" ? "KubeletReady" : "KubeletNotReady"),
        ]
        return healthy.map { type, status, reason in
            ["type": .string(type), "status": .string(status), "reason": .string(reason), "message": "", "lastHeartbeatTime": time, "lastTransitionTime": time]
        }
    }

    func cordon(_ node: String) async throws {
        _ = try await client.patch(.nodes, node, ["spec": ["unschedulable": true]])
    }

    // MARK: Reading what a user sees

    func pods(_ namespace: String = "default", labelSelector: String? = nil) async throws -> [JSON] {
        try await client.list(.pods, namespace: namespace, labelSelector: labelSelector).items
    }

    func node(_ name: String) async throws -> JSON { try await client.get(.nodes, name) }

    /// Ticks the controllers (unless `ticking` is false: then only watch events drive them)
    /// until `condition` holds, or fails after `timeout` wall seconds. The manual clock does
    /// not move.
    func until(_ what: String, ticking: Bool = true, timeout: Double = 60, _ condition: () async throws -> Bool) async throws {
        let deadline = SystemClock().now().addingTimeInterval(timeout)
        while true {
            if ticking { await controllers.tick() }
            if try await condition() { return }
            if SystemClock().now() > deadline {
                Issue.record("timed out waiting until \(what)")
                throw FixtureTimeout(what: what)
            }
            try await SystemClock().sleep(seconds: 0.05)
        }
    }

    /// What the node agents do for pods, driven by a watch: a pending pod bound to a node
    /// starts and is Ready.
    func runBoundPods() async {
        while !Task.isCancelled {
            guard let list = try? await client.list(.pods) else { return }
            for pod in list.items { await start(pod) }
            guard let changes = try? await client.watch(.pods, after: list.resourceVersion) else { return }
            do {
                for try await change in changes where change.type != "DELETED" { await start(change.object) }
            } catch {}
        }
    }

    private func start(_ pod: JSON) async {
        guard let node = pod[path: ["spec", "nodeName"]]?.stringValue, pod[path: ["status", "phase"]]?.stringValue == "Pending" else { return }
        var running = pod
        let time = JSON.string(ObjectMeta.timestamp(clock.now()))
        running["status"] = [
            "phase": "Running", "hostIP": "10.224.0.4",
            "conditions": [["type": "Ready", "status": "True", "lastTransitionTime": time], ["type": "PodScheduled", "status": "True", "lastTransitionTime": time]],
        ]
        _ = try? await KubeClient(plane: plane, user: KubeClient.nodeUser(node)).updateStatus(.pods, namespace: ObjectMeta.namespace(pod), running)
    }

    // MARK: Workloads

    static func deployment(_ name: String, replicas: Int64, image: String = "nginx:1.27", cpu: String? = nil) -> JSON {
        var container: JSON = ["name": "app", "image": .string(image)]
        if let cpu { container["resources"] = ["requests": ["cpu": .string(cpu)]] }
        return [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name), "namespace": "default"],
            "spec": [
                "replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
                "template": ["metadata": ["labels": ["app": .string(name)]], "spec": ["containers": [container]]],
            ],
        ]
    }

    static func pod(_ name: String, cpu: String? = nil, spec extra: [String: JSON] = [:]) -> JSON {
        var container: JSON = ["name": "app", "image": "nginx"]
        if let cpu { container["resources"] = ["requests": ["cpu": .string(cpu)]] }
        var spec: JSON = ["containers": [container]]
        for (key, value) in extra { spec[key] = value }
        return ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name), "namespace": "default"], "spec": spec]
    }
}

struct FixtureTimeout: Error {
    let what: String
}

extension JSON {
    var name: String { ObjectMeta.name(self) }
    var nodeName: String? { self[path: ["spec", "nodeName"]]?.stringValue }
    func condition(_ type: String) -> JSON? {
        self[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }
    var taintKeys: [String] {
        (self[path: ["spec", "taints"]]?.arrayValue ?? []).map { "\($0["key"]?.stringValue ?? ""):\($0["effect"]?.stringValue ?? "")" }.sorted()
    }
}
