import Core
import Foundation
import ManagementStore

/// A virtual network as a PUT asks for it. `location` nil keeps the existing one.
public struct VirtualNetworkRequest: Sendable, Equatable {
    public var location: String?
    public var tags: [String: String]
    public var addressPrefixes: [String]
    public var subnets: [SubnetModel]

    public init(location: String?, tags: [String: String] = [:], addressPrefixes: [String], subnets: [SubnetModel] = []) {
        self.location = location
        self.tags = tags
        self.addressPrefixes = addressPrefixes
        self.subnets = subnets
    }
}

/// The direct path for networks, in any resource group of the caller's subscription. In the node
/// resource group these are the managed resources: changes are allowed and become drift (the
/// baseline stays), as POLICY SEC4 and CP2 describe. Bad input throws naming the field, before
/// anything is written.
extension Infrastructure {
    /// Creates or replaces a virtual network; subnet addresses in use stay with their subnets.
    public func putVirtualNetwork(subscription: String, resourceGroup: String, name: String, _ request: VirtualNetworkRequest) async throws
        -> (network: VirtualNetwork, created: Bool)
    {
        let id = ARMResource.id(subscription, resourceGroup, ARMResource.virtualNetworks, name)
        return try await retryingConflicts {
            let existing = try await virtualNetwork(id: id)
            guard let location = request.location ?? existing?.location, !location.isEmpty else {
                throw ServiceError.missingParameter(target: "location")
            }
            guard !request.addressPrefixes.isEmpty else { throw ServiceError.missingParameter(target: "properties.addressSpace.addressPrefixes") }
            let spaces = try request.addressPrefixes.enumerated().map { index, text throws(ServiceError) in
                try AddressPrefix.parse(text, target: "properties.addressSpace.addressPrefixes[\(index)]")
            }
            var subnets: [Subnet] = []
            for (index, model) in request.subnets.enumerated() {
                let target = "properties.subnets[\(index)]"
                subnets.append(try await checkedSubnet(model, in: spaces, siblings: subnets, previous: existing?.subnet(named: model.name), target: target))
            }
            for old in existing?.subnets ?? [] where !old.allocations.isEmpty && !subnets.contains(where: { $0.name.lowercased() == old.name.lowercased() }) {
                throw ServiceError.invalidParameter(target: "properties.subnets", message: Self.inUse(old))
            }
            let network = VirtualNetwork(
                id: existing?.id ?? id, name: existing?.name ?? name, subscription: subscription, resourceGroup: existing?.resourceGroup ?? resourceGroup,
                location: location, tags: request.tags, addressPrefixes: request.addressPrefixes, subnets: subnets, baseline: existing?.baseline,
                resourceGUID: existing?.resourceGUID ?? UUIDv4.make(), eTag: "")
            try await commit([.put(network, expected: ResourceChange.expecting(existing))])
            return (try await virtualNetwork(id: id) ?? network, existing == nil)
        }
    }

    /// Creates or replaces one subnet (`virtualNetworks/{vnet}/subnets/{name}` PUT).
    public func putSubnet(subscription: String, resourceGroup: String, virtualNetwork vnetName: String, _ model: SubnetModel) async throws
        -> (network: VirtualNetwork, created: Bool)
    {
        let id = ARMResource.id(subscription, resourceGroup, ARMResource.virtualNetworks, vnetName)
        return try await retryingConflicts {
            guard var network = try await virtualNetwork(id: id) else { throw ServiceError.notFound(kind: "virtual network", name: vnetName) }
            let before = network.eTag
            let spaces = network.addressPrefixes.compactMap(AddressPrefix.init)
            let previous = network.subnet(named: model.name)
            let others = network.subnets.filter { $0.name.lowercased() != model.name.lowercased() }
            let subnet = try await checkedSubnet(model, in: spaces, siblings: others, previous: previous, target: "properties")
            if let index = network.subnets.firstIndex(where: { $0.name.lowercased() == model.name.lowercased() }) {
                network.subnets[index] = subnet
            } else {
                network.subnets.append(subnet)
            }
            try await commit([.put(network, expected: .eTag(before))])
            return (try await virtualNetwork(id: id) ?? network, previous == nil)
        }
    }

    /// Deletes a subnet; one with NICs in it is refused. Returns whether it existed.
    public func deleteSubnet(subscription: String, resourceGroup: String, virtualNetwork vnetName: String, name: String) async throws -> Bool {
        let id = ARMResource.id(subscription, resourceGroup, ARMResource.virtualNetworks, vnetName)
        return try await retryingConflicts {
            guard var network = try await virtualNetwork(id: id), let subnet = network.subnet(named: name) else { return false }
            guard subnet.allocations.isEmpty else { throw ServiceError.conflict(message: Self.inUse(subnet)) }
            let before = network.eTag
            network.subnets.removeAll { $0.name.lowercased() == name.lowercased() }
            try await commit([.put(network, expected: .eTag(before))])
            return true
        }
    }

    /// Deletes a virtual network; one whose subnets hold NICs is refused. Returns whether it existed.
    public func deleteVirtualNetwork(subscription: String, resourceGroup: String, name: String) async throws -> Bool {
        let id = ARMResource.id(subscription, resourceGroup, ARMResource.virtualNetworks, name)
        return try await retryingConflicts {
            guard let network = try await virtualNetwork(id: id) else { return false }
            if let used = network.subnets.first(where: { !$0.allocations.isEmpty }) { throw ServiceError.conflict(message: Self.inUse(used)) }
            try await commit([.delete(id: id, expected: .eTag(network.eTag))])
            return true
        }
    }

    static func inUse(_ subnet: Subnet) -> String {
        "Subnet '\(subnet.name)' is in use by \(subnet.allocations.count) network interface(s) and cannot be deleted or changed (InUseSubnetCannotBeDeleted)."
    }

    /// Validates a subnet against its network's address space and siblings; keeps its allocations.
    func checkedSubnet(_ model: SubnetModel, in spaces: [AddressPrefix], siblings: [Subnet], previous: Subnet?, target: String) async throws -> Subnet {
        guard !model.name.isEmpty else { throw ServiceError.missingParameter(target: "\(target).name") }
        let prefixTarget = "\(target).properties.addressPrefix".replacingOccurrences(of: "properties.properties", with: "properties")
        guard !model.addressPrefix.isEmpty else { throw ServiceError.missingParameter(target: prefixTarget) }
        let prefix = try AddressPrefix.parse(model.addressPrefix, target: prefixTarget)
        guard spaces.contains(where: { $0.contains(prefix) }) else {
            throw ServiceError.invalidParameter(
                target: prefixTarget, message: "Subnet '\(model.name)' prefix \(prefix) is not within the virtual network's address space.")
        }
        if let clash = siblings.first(where: { AddressPrefix($0.addressPrefix).map(prefix.overlaps) ?? false }) {
            throw ServiceError.invalidParameter(target: prefixTarget, message: "Subnet '\(model.name)' overlaps subnet '\(clash.name)' (\(clash.addressPrefix)).")
        }
        if siblings.contains(where: { $0.name.lowercased() == model.name.lowercased() }) {
            throw ServiceError.invalidParameter(target: "\(target).name", message: "Subnet name '\(model.name)' is used twice.")
        }
        if let previous, !previous.allocations.isEmpty, AddressPrefix(previous.addressPrefix) != prefix {
            throw ServiceError.invalidParameter(target: prefixTarget, message: Self.inUse(previous))
        }
        if let nsgID = model.networkSecurityGroupID, try await securityGroup(id: nsgID) == nil {
            let nsgTarget = "\(target).properties.networkSecurityGroup.id".replacingOccurrences(of: "properties.properties", with: "properties")
            throw ServiceError.invalidParameter(target: nsgTarget, message: "The network security group '\(nsgID)' does not exist.")
        }
        return Subnet(
            name: previous?.name ?? model.name, addressPrefix: model.addressPrefix, networkSecurityGroupID: model.networkSecurityGroupID,
            allocations: previous?.allocations ?? [:])
    }
}
