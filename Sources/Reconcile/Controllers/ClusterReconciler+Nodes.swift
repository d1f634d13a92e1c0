import Core
import Foundation
import Infrastructure
import KubeAPI
import ManagementStore

/// The agent pools' VMs and nodes: scale sets through the IaaS layer's service path, drains
/// through the hosted API, and the wait for Ready nodes (issue 5, POLICY N1, N10, L1).
extension ClusterReconciler {
    enum NodesOutcome {
        /// Every wanted node is Ready (or none are wanted).
        case ready(Int)
        /// The VMs are there; this many nodes are Ready so far.
        case waiting(Int)
        case failed(OperationError)
    }

    /// Brings the pool's scale set to its spec and power state, then counts its Ready nodes.
    /// The spec is applied once per generation: a scale, update or upgrade through the
    /// service rebuilds nodes from the managed image and model (N10); a later pass only waits.
    func applyNodes(_ cluster: ManagedClusterRecord, _ pool: inout AgentPoolRecord, operationID: String?) async throws -> NodesOutcome {
        guard let infrastructure = environment.infrastructure else { return .ready(pool.spec.count) }
        let group = environment.nodeResourceGroup(cluster)
        let plane = await environment.controlPlanes.controlPlane(cluster.status.resourceUID)
        if let subnet = pool.spec.vnetSubnetID, try await !Self.subnetExists(subnet, infrastructure) {
            return .failed(OperationError(
                code: "InvalidSubnet", message: "The subnet '\(subnet)' of agent pool '\(pool.id.name)' does not exist; create it first."))
        }
        let name = group.scaleSetName(pool: pool.id.name)
        var scaleSet = try await infrastructure.scaleSet(in: group, name: name)
        // Node agents follow IaaS changes on their own; syncing here too makes a fresh
        // change visible to the Ready count in the same pass.
        var changed = false
        if pool.status.appliedGeneration != pool.generation || scaleSet == nil {
            let current = scaleSet?.instances ?? []
            let surplus = max(0, current.count - pool.spec.count)
            let victims = current.sorted { $0.instanceID > $1.instanceID }.prefix(surplus).map(\.computerName)
            if let plane, !victims.isEmpty { try await NodeDrain.drain(plane, nodes: victims) }
            let spec = ScaleSetSpec(
                poolName: pool.id.name, capacity: pool.spec.count, vmSize: pool.spec.vmSize,
                nodeImageVersion: pool.status.nodeImageVersion ?? nodeImages.latest(osSKU: pool.spec.osSKU), osType: pool.spec.osType,
                osSKU: pool.spec.osSKU, zones: pool.spec.availabilityZones, mode: pool.spec.mode.rawValue,
                orchestratorVersion: pool.spec.orchestratorVersion, tags: pool.spec.tags, operationID: operationID ?? "")
            scaleSet = try await infrastructure.applyScaleSet(in: group, spec, removing: victims)
            if let plane, !victims.isEmpty { try await NodeDrain.deleteNodes(plane, victims) }
            pool.status.appliedGeneration = pool.generation
            try await store.commit(ClusterCommit(pools: [pool]), for: cluster.id)
            changed = true
        }
        guard var scaleSet else { return .ready(0) }
        let wantRunning = cluster.desiredPowerState == .running
        func wanted(_ instance: VMInstance) -> Bool { wantRunning ? instance.powerState == .running : instance.powerState == .deallocated }
        if (scaleSet.baseline.power == .running) != wantRunning || !scaleSet.instances.allSatisfy(wanted) {
            scaleSet = try await infrastructure.setPower(in: group, scaleSet: name, running: wantRunning)
            changed = true
        }
        guard wantRunning else { return .ready(0) }
        guard let plane else { return .waiting(0) }
        if changed { await environment.nodes?.sync(clusterUID: cluster.status.resourceUID) }
        let ready = try await NodeDrain.readyCount(plane, of: Set(scaleSet.instances.map(\.computerName)))
        return ready >= pool.spec.count ? .ready(ready) : .waiting(ready)
    }

    /// Drains and removes a pool's nodes and scale set (pool delete).
    func removeNodes(_ cluster: ManagedClusterRecord, pool: AgentPoolRecord) async throws {
        guard let infrastructure = environment.infrastructure else { return }
        let group = environment.nodeResourceGroup(cluster)
        let name = group.scaleSetName(pool: pool.id.name)
        guard let scaleSet = try await infrastructure.scaleSet(in: group, name: name) else { return }
        let nodes = scaleSet.instances.map(\.computerName)
        let plane = await environment.controlPlanes.controlPlane(cluster.status.resourceUID)
        if let plane { try await NodeDrain.drain(plane, nodes: nodes) }
        try await infrastructure.deleteScaleSet(in: group, name: name)
        if let plane { try await NodeDrain.deleteNodes(plane, nodes) }
    }

    static func subnetExists(_ id: String, _ infrastructure: Infrastructure) async throws -> Bool {
        guard let range = id.range(of: "/subnets/", options: [.caseInsensitive, .backwards]) else { return false }
        let subnet = String(id[range.upperBound...])
        guard let network = try await infrastructure.virtualNetwork(id: String(id[..<range.lowerBound])) else { return false }
        return network.subnet(named: subnet) != nil
    }
}
