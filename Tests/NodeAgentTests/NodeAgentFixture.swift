import ControlPlaneStore
import Core
import Foundation
import KubeAPI
import NodeAgent
import Testing

/// A running control plane on a real embedded datastore with a manual clock, and a node
/// agent host for it.
struct NodeAgentFixture {
    let plane: HostedControlPlane
    let clock: SimulatedClock
    let host: NodeAgentHost
    /// What kubectl with cluster-admin sees.
    let admin: KubeClient

    static func with(
        settings: NodeAgentSettings = .kubelet, _ body: (NodeAgentFixture) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hm-agents-\(UUIDv4.make())"
        ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = SimulatedClock(mode: .manual, start: Date(timeIntervalSince1970: 1_790_000_000))
        let datastore = try SQLiteDatastore.open(path: "\(directory)/datastore.sqlite", clock: clock)
        let planes = HostedControlPlanes(clock: clock, pkiRoot: directory)
        try await planes.start(clusterUID: "c1", kubernetesVersion: "1.33.4", datastore: datastore)
        let plane = try #require(await planes.controlPlane("c1"))
        let host = NodeAgentHost(plane: plane, settings: settings)
        let admin = KubeClient(
            plane: plane,
            user: UserInfo(name: "admin", groups: ["system:masters", "system:authenticated"]))
        do {
            try await body(NodeAgentFixture(plane: plane, clock: clock, host: host, admin: admin))
        } catch {
            await host.stop()
            await planes.stop(clusterUID: "c1")
            try await datastore.close()
            throw error
        }
        await host.stop()
        await planes.stop(clusterUID: "c1")
        try await datastore.close()
    }

    /// The `index`th VM of pool `pool` as the IaaS layer would describe it.
    static func spec(
        _ index: Int, pool: String = "nodepool1", mode: NodeAgentSpec.Mode = .system,
        zone: String? = nil
    ) -> NodeAgentSpec {
        let scaleSet = "aks-\(pool)-12345678-vmss"
        return NodeAgentSpec(
            name: "\(scaleSet)\(String(format: "%06d", index))", pool: pool, mode: mode,
            vmSize: "Standard_DS2_v2", cores: 2,
            memoryGiB: 7, maxPods: 110, nodeImageVersion: "AKSUbuntu-2204gen2containerd-202411.12.0",
            kubernetesVersion: "1.33.4",
            region: "eastus", zone: zone, internalIP: "10.224.0.\(4 + index)",
            providerID:
                "azure:///subscriptions/0000/resourceGroups/mc_rg_c1_eastus/providers/Microsoft.Compute/virtualMachineScaleSets/\(scaleSet)/virtualMachines/\(index)",
            nodeResourceGroup: "MC_rg_c1_eastus", clusterName: "c1", labels: ["team": "payments"],
            taints: mode == .system
                ? [NodeTaint(key: "CriticalAddonsOnly", value: "true", effect: "NoSchedule")] : [])
    }

    func node(_ name: String) async throws -> JSON { try await admin.get(.nodes, name) }
    func lease(_ name: String) async throws -> JSON {
        try await admin.get(.leases, namespace: "kube-node-lease", name)
    }

    /// The cluster's current revision: every write moves it by one.
    func revision() async throws -> Int64 { try await admin.list(.namespaces).resourceVersion }

    /// Moves the clock and lets the agents tick once at the new instant.
    func advance(_ seconds: TimeInterval) async {
        await clock.advance(by: seconds)
        await host.tick()
    }

    static func condition(_ node: JSON, _ type: String) -> JSON? {
        node[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }

    static func pod(
        _ name: String, node: String, initContainers: Bool = false, finalizer: Bool = false
    ) -> JSON {
        var spec: JSON = [
            "nodeName": .string(node), "containers": [["name": "app", "image": "nginx:1.27"]],
        ]
        if initContainers { spec["initContainers"] = [["name": "setup", "image": "busybox"]] }
        var meta: JSON = ["name": .string(name), "namespace": "default"]
        if finalizer { meta["finalizers"] = ["example.com/hold"] }
        return ["apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec]
    }
}

/// Waits (wall time, bounded) until `check` holds; for reactions driven by the pod watch.
func eventually(_ what: String, timeout: Double = 10, _ check: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(timeout)
    while ContinuousClock.now < deadline {
        if try await check() { return }
        try await SystemClock().sleep(seconds: 0.01)
    }
    Issue.record("timed out waiting for: \(what)")
}
