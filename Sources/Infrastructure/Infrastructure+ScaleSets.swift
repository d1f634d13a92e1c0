import Core
import Foundation
import ManagementStore

/// The service path for scale sets: every change here is what the service applied, so it
/// updates the baseline too and is never out-of-band.
extension Infrastructure {
    /// Creates or updates a pool's scale set to `spec` and makes that its baseline. Scale-up adds
    /// instances (next ids, running unless the pool is stopped); scale-down removes the instances
    /// named in `removing` (computer names, i.e. node names) first, then the highest ids.
    ///
    /// Applying the model resets capacity, sku, extensions, tags and the NIC NSG to the service's,
    /// and rebuilds every instance that differs from it or was touched directly, clearing the
    /// out-of-band marks (POLICY N10: changes outside the service do not survive a scale, update or
    /// upgrade). So call it when the service changes the pool (create, scale, upgrade, update),
    /// not on every reconcile pass, or it erases the drift the drift controller should report.
    /// Creates the node resource group's network first if it is missing.
    @discardableResult
    public func applyScaleSet(in group: NodeResourceGroup, _ spec: ScaleSetSpec, removing: [String] = []) async throws -> ScaleSet {
        guard spec.capacity >= 0 else { throw ServiceError.invalidParameter(target: "count", message: "The node count must be 0 or more.") }
        let size = try sizes.resolve(spec.vmSize, target: "vmSize")
        try await ensureNodeResourceGroup(group)
        return try await retryingConflicts {
            let id = group.scaleSetID(pool: spec.poolName)
            guard var network = try await virtualNetwork(id: group.virtualNetworkID) else {
                throw ServiceError.conflict(message: "The virtual network '\(group.virtualNetworkName)' was deleted; retry to recreate it.")
            }
            let existing = try await scaleSet(id: id)
            let name = group.scaleSetName(pool: spec.poolName)
            var tags = spec.tags
            tags["aks-managed-orchestrator"] = "Kubernetes:\(spec.orchestratorVersion)"
            tags["aks-managed-poolName"] = spec.poolName
            tags["aks-managed-resourceNameSuffix"] = group.hash
            tags["aks-managed-creationSource"] = "vmssclient-\(name)"
            if let created = existing?.baseline.tags["aks-managed-createOperationID"] ?? (spec.operationID.isEmpty ? nil : spec.operationID) {
                tags["aks-managed-createOperationID"] = created
            }
            let model = ScaleSetModel(
                sku: size.name, capacity: spec.capacity, tags: tags, extensions: VMExtension.managed(osType: spec.osType),
                networkSecurityGroupID: nil, nodeImageVersion: spec.nodeImageVersion, zones: spec.zones,
                power: existing?.baseline.power ?? .running)
            var set =
                existing
                ?? ScaleSet(
                    id: id, name: name, subscription: group.subscription, resourceGroup: group.name, location: group.location,
                    poolName: spec.poolName, mode: spec.mode, osType: spec.osType, osSKU: spec.osSKU, orchestratorVersion: spec.orchestratorVersion,
                    model: model, baseline: model, instances: [], outOfBand: [], nextInstanceID: 0, uniqueID: UUIDv4.make(),
                    createdAt: clock.now(), eTag: "")
            set.mode = spec.mode
            set.osType = spec.osType
            set.osSKU = spec.osSKU
            set.orchestratorVersion = spec.orchestratorVersion
            set.model = model
            set.baseline = model
            set.shrink(in: &network, removingFirst: removing)
            for index in set.instances.indices where !set.isConforming(set.instances[index]) {
                set.rebuild(at: index, from: model, power: model.power)
            }
            set.outOfBand = []
            try set.grow(in: &network, now: clock.now())
            try await commit([.put(set, expected: ResourceChange.expecting(existing)), .put(network, expected: .eTag(network.eTag))])
            return try await scaleSet(id: id) ?? set
        }
    }

    /// Service stop/start of a pool: deallocates or starts every instance, and the baseline power
    /// follows, so this is not drift (POLICY L1, unlike L2's deallocation through IaaS).
    @discardableResult
    public func setPower(in group: NodeResourceGroup, scaleSet name: String, running: Bool) async throws -> ScaleSet {
        try await updateAsService(group, name) { set, _ in
            let power: PowerState = running ? .running : .deallocated
            set.model.power = power
            set.baseline.power = power
            for index in set.instances.indices { set.instances[index].powerState = power }
        }
    }

    /// Service reimage (node image upgrade, auto-repair): rebuilds the named instances (computer
    /// names or instance ids; nil means all) from the managed image and the service's model, and
    /// re-applies that model's sku, tags, extensions and NIC NSG, so out-of-band changes vanish
    /// (POLICY N10). Capacity is left as it is; `applyScaleSet` restores that.
    @discardableResult
    public func reimage(in group: NodeResourceGroup, scaleSet name: String, instances names: [String]? = nil) async throws -> ScaleSet {
        try await updateAsService(group, name) { set, _ in
            let wanted = names.map { Set($0.map { $0.lowercased() }) }
            let capacity = set.model.capacity
            set.model = set.baseline
            set.model.capacity = capacity
            for index in set.instances.indices {
                let instance = set.instances[index]
                guard wanted.map({ $0.contains(instance.computerName.lowercased()) || $0.contains(String(instance.instanceID)) }) ?? true else {
                    continue
                }
                set.rebuild(at: index, from: set.baseline, power: set.baseline.power)
                set.outOfBand.removeAll { $0.instanceID == instance.instanceID || $0.instanceID == nil }
            }
        }
    }

    /// Deletes a pool's scale set and frees its instances' addresses.
    public func deleteScaleSet(in group: NodeResourceGroup, name: String) async throws {
        try await retryingConflicts {
            guard var set = try await scaleSet(in: group, name: name) else { return }
            var changes: [ResourceChange] = [.delete(id: set.id, expected: .eTag(set.eTag))]
            if var network = try await virtualNetwork(id: group.virtualNetworkID) {
                while !set.instances.isEmpty { set.remove(at: 0, in: &network) }
                changes.append(.put(network, expected: .eTag(network.eTag)))
            }
            try await commit(changes)
        }
    }

    /// Loads a scale set and the managed network, applies `change`, commits both.
    func updateAsService(
        _ group: NodeResourceGroup, _ name: String, _ change: @Sendable (inout ScaleSet, inout VirtualNetwork) throws -> Void
    ) async throws -> ScaleSet {
        try await retryingConflicts {
            guard var set = try await scaleSet(in: group, name: name) else {
                throw ServiceError.notFound(kind: "virtual machine scale set", name: name)
            }
            guard var network = try await virtualNetwork(id: group.virtualNetworkID) else {
                throw ServiceError.conflict(message: "The virtual network '\(group.virtualNetworkName)' was deleted.")
            }
            let before = set.eTag
            try change(&set, &network)
            try await commit([.put(set, expected: .eTag(before)), .put(network, expected: .eTag(network.eTag))])
            return try await scaleSet(id: set.id) ?? set
        }
    }
}
