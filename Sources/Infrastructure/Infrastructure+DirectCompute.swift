import Core
import Foundation
import ManagementStore

/// A direct change of a scale set's model through the IaaS API (PUT/PATCH); nil fields stay.
public struct ScaleSetUpdate: Sendable, Equatable {
    public var capacity: Int?
    public var sku: String?
    /// Replaces all tags.
    public var tags: [String: String]?
    /// Replaces the extension profile.
    public var extensions: [VMExtension]?
    /// `.some(nil)` removes the NIC-level NSG.
    public var networkSecurityGroupID: String??

    public init(
        capacity: Int? = nil, sku: String? = nil, tags: [String: String]? = nil, extensions: [VMExtension]? = nil,
        networkSecurityGroupID: String?? = nil
    ) {
        self.capacity = capacity
        self.sku = sku
        self.tags = tags
        self.extensions = extensions
        self.networkSecurityGroupID = networkSecurityGroupID
    }

    /// JSON paths of the fields, for errors.
    public static let extensionsTarget = "properties.virtualMachineProfile.extensionProfile.extensions"
    public static let securityGroupTarget =
        "properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0].properties.networkSecurityGroup.id"
}

/// The direct path for scale sets (the customer's IaaS API): only the current state changes, the
/// baseline stays, and every change is recorded as an out-of-band event on the service clock
/// (POLICY N3, N11, L2). Scale sets cannot be created this way: only the service creates them.
extension Infrastructure {
    public func updateScaleSetDirectly(subscription: String, resourceGroup: String, name: String, _ update: ScaleSetUpdate) async throws -> ScaleSet {
        if let capacity = update.capacity, capacity < 0 {
            throw ServiceError.invalidParameter(target: "sku.capacity", message: "The capacity \(capacity) is invalid; it must be 0 or more.")
        }
        let sku = try update.sku.map { try sizes.resolve($0, target: "sku.name").name }
        for (index, ext) in (update.extensions ?? []).enumerated() {
            for (value, field) in [(ext.name, "name"), (ext.publisher, "properties.publisher"), (ext.type, "properties.type"), (ext.typeHandlerVersion, "properties.typeHandlerVersion")]
            where value.isEmpty {
                throw ServiceError.missingParameter(target: "\(ScaleSetUpdate.extensionsTarget)[\(index)].\(field)")
            }
        }
        if case .some(.some(let nsgID)) = update.networkSecurityGroupID, try await securityGroup(id: nsgID) == nil {
            throw ServiceError.invalidParameter(target: ScaleSetUpdate.securityGroupTarget, message: "The network security group '\(nsgID)' does not exist.")
        }
        return try await updateDirectly(subscription, resourceGroup, name) { set, network, now in
            let before = set.model
            if let sku, sku != set.model.sku {
                set.model.sku = sku
                for index in set.instances.indices { set.instances[index].latestModelApplied = false }
            }
            if let tags = update.tags { set.model.tags = tags }
            if let extensions = update.extensions {
                set.model.extensions = extensions
                for index in set.instances.indices { set.instances[index].extensions = extensions }
            }
            if let nsg = update.networkSecurityGroupID { set.model.networkSecurityGroupID = nsg }
            if let capacity = update.capacity {
                set.model.capacity = capacity
                set.shrink(in: &network, removingFirst: [])
                try set.grow(in: &network, now: now)
            }
            if set.model != before { set.outOfBand.append(OutOfBandEvent(time: now, action: .updateModel, instanceID: nil)) }
        }
    }

    /// Adds or replaces one extension of the model (`extensions/{name}` PUT); returns whether it was new.
    public func putExtensionDirectly(subscription: String, resourceGroup: String, scaleSet name: String, _ ext: VMExtension) async throws -> Bool {
        guard let set = try await scaleSet(id: ARMResource.id(subscription, resourceGroup, ARMResource.scaleSets, name)) else {
            throw ServiceError.notFound(kind: "virtual machine scale set", name: name)
        }
        var extensions = set.model.extensions
        let created = !extensions.contains { $0.name.lowercased() == ext.name.lowercased() }
        extensions.removeAll { $0.name.lowercased() == ext.name.lowercased() }
        extensions.append(ext)
        _ = try await updateScaleSetDirectly(subscription: subscription, resourceGroup: resourceGroup, name: name, ScaleSetUpdate(extensions: extensions))
        return created
    }

    /// Removes one extension of the model; returns whether it existed.
    public func deleteExtensionDirectly(subscription: String, resourceGroup: String, scaleSet name: String, extension extName: String) async throws -> Bool {
        guard let set = try await scaleSet(id: ARMResource.id(subscription, resourceGroup, ARMResource.scaleSets, name)) else {
            throw ServiceError.notFound(kind: "virtual machine scale set", name: name)
        }
        let remaining = set.model.extensions.filter { $0.name.lowercased() != extName.lowercased() }
        guard remaining.count != set.model.extensions.count else { return false }
        _ = try await updateScaleSetDirectly(subscription: subscription, resourceGroup: resourceGroup, name: name, ScaleSetUpdate(extensions: remaining))
        return true
    }

    /// A direct instance action (POST `deallocate`, `start`, `restart`, `powerOff`, `reimage`,
    /// `delete`) on the instances with these ARM instance ids (nil or empty: all). An unknown id
    /// is an `InvalidParameter` on `target` and changes nothing.
    public func performDirectly(
        _ action: InstanceAction, subscription: String, resourceGroup: String, scaleSet name: String, instanceIDs: [String]?,
        target: String = "instanceIds"
    ) async throws -> ScaleSet {
        try await updateDirectly(subscription, resourceGroup, name) { set, network, now in
            let ids = (instanceIDs?.isEmpty ?? true) ? set.instances.map { String($0.instanceID) } : instanceIDs!
            for id in ids where set.index(ofInstance: id) == nil {
                throw ServiceError.invalidParameter(target: target, message: "The instance id '\(id)' is not an instance of '\(set.name)'.")
            }
            for id in ids {
                let index = set.index(ofInstance: id)!
                set.outOfBand.append(OutOfBandEvent(time: now, action: action, instanceID: set.instances[index].instanceID))
                switch action {
                case .deallocate: set.instances[index].powerState = .deallocated
                case .powerOff: set.instances[index].powerState = .stopped
                case .start: set.instances[index].powerState = .running
                case .restart:
                    guard set.instances[index].powerState != .deallocated else {
                        throw ServiceError.conflict(message: "Operation 'restart' is not allowed on instance \(id) since it is deallocated.")
                    }
                    set.instances[index].powerState = .running
                case .reimage: set.rebuild(at: index, from: set.model, power: set.instances[index].powerState)
                case .delete:
                    set.remove(at: index, in: &network)
                    set.model.capacity = set.instances.count
                case .updateModel: break
                }
            }
        }
    }

    /// Loads a scale set and its node resource group's managed network, applies `change` with the
    /// service clock's time, and commits both; the baseline is never touched here.
    func updateDirectly(
        _ subscription: String, _ resourceGroup: String, _ name: String,
        _ change: @Sendable (inout ScaleSet, inout VirtualNetwork, Date) throws -> Void
    ) async throws -> ScaleSet {
        try await retryingConflicts {
            guard var set = try await scaleSet(id: ARMResource.id(subscription, resourceGroup, ARMResource.scaleSets, name)) else {
                throw ServiceError.notFound(kind: "virtual machine scale set", name: name)
            }
            let group = try await nodeResourceGroup(subscription: subscription, name: resourceGroup)
            let vnetID = group?.virtualNetworkID ?? ""
            var network =
                try await virtualNetwork(id: vnetID)
                ?? VirtualNetwork(
                    id: vnetID, name: "", subscription: subscription, resourceGroup: resourceGroup, location: set.location, tags: [:],
                    addressPrefixes: [], subnets: [], baseline: nil, resourceGUID: "", eTag: "")
            let before = (set.eTag, network.eTag, network)
            try change(&set, &network, clock.now())
            var changes: [ResourceChange] = [.put(set, expected: .eTag(before.0))]
            if network != before.2 { changes.append(.put(network, expected: .eTag(before.1))) }
            try await commit(changes)
            return try await scaleSet(id: set.id) ?? set
        }
    }
}
