import Core
import Foundation
import ManagementStore

/// The managed network of a node resource group, as `ensureNodeResourceGroup` leaves it.
public struct ManagedNetwork: Sendable, Equatable {
    public var resourceGroup: NodeResourceGroup
    /// `aks-vnet-{hash}`, 10.224.0.0/12.
    public var virtualNetwork: VirtualNetwork
    /// `aks-agentpool-{hash}-nsg`, attached to the managed subnet.
    public var securityGroup: NetworkSecurityGroup
    /// The managed subnet `aks-subnet` (10.224.0.0/16) the nodes' NICs are in.
    public var subnetID: String
}

extension Infrastructure {
    static let vnetPrefix = "10.224.0.0/12"
    static let subnetPrefix = "10.224.0.0/16"

    /// Creates the node resource group's record, virtual network, managed subnet and NSG where
    /// they are missing (service path: with their baselines). Idempotent; it does not undo direct
    /// changes to resources that exist, so the drift controller can still report them.
    @discardableResult
    public func ensureNodeResourceGroup(_ group: NodeResourceGroup) async throws -> ManagedNetwork {
        try await retryingConflicts {
            let record = try await load(ResourceGroupRecord.self, id: group.id)
            var nsg = try await load(NetworkSecurityGroup.self, id: group.securityGroupID)
            var vnet = try await load(VirtualNetwork.self, id: group.virtualNetworkID)
            var changes: [ResourceChange] = []
            if record == nil {
                changes.append(.put(ResourceGroupRecord(group: group, eTag: ""), expected: .absent))
            }
            if nsg == nil {
                let created = NetworkSecurityGroup(
                    id: group.securityGroupID, name: group.securityGroupName, subscription: group.subscription, resourceGroup: group.name,
                    location: group.location, tags: [:], securityRules: [], baseline: [], resourceGUID: UUIDv4.make(), eTag: "")
                changes.append(.put(created, expected: .absent))
                nsg = created
            }
            if vnet == nil {
                let subnet = Subnet(name: NodeResourceGroup.subnetName, addressPrefix: Self.subnetPrefix, networkSecurityGroupID: group.securityGroupID)
                let created = VirtualNetwork(
                    id: group.virtualNetworkID, name: group.virtualNetworkName, subscription: group.subscription, resourceGroup: group.name,
                    location: group.location, tags: [:], addressPrefixes: [Self.vnetPrefix], subnets: [subnet], baseline: [subnet.model],
                    resourceGUID: UUIDv4.make(), eTag: "")
                changes.append(.put(created, expected: .absent))
                vnet = created
            }
            let eTags = try await commit(changes)
            vnet!.eTag = eTags[group.virtualNetworkID.lowercased()] ?? vnet!.eTag
            nsg!.eTag = eTags[group.securityGroupID.lowercased()] ?? nsg!.eTag
            return ManagedNetwork(resourceGroup: group, virtualNetwork: vnet!, securityGroup: nsg!, subnetID: group.subnetID)
        }
    }

    /// Removes the node resource group and everything in it (cluster deletion).
    public func deleteNodeResourceGroup(_ group: NodeResourceGroup) async throws {
        _ = try await store.deleteIaaSResources(subscription: group.subscription, resourceGroup: group.name)
        feed.publish([group.key])
    }

    /// Every NSG that applies to the nodes of `group`: the managed subnet's, the NIC-level ones of
    /// its scale sets, and those attached to `customerSubnets` (subnet ARM ids, in any resource
    /// group of the subscription) — the input to SEC4 checks.
    public func securityGroups(applyingTo group: NodeResourceGroup, customerSubnets: [String] = []) async throws -> [AppliedSecurityGroup] {
        var applied: [AppliedSecurityGroup] = []
        func attach(_ nsgID: String?, _ scope: SecurityGroupScope) async throws {
            guard let nsgID, let nsg = try await securityGroup(id: nsgID) else { return }
            applied.append(AppliedSecurityGroup(scope: scope, securityGroup: nsg))
        }
        if let vnet = try await virtualNetwork(id: group.virtualNetworkID), let subnet = vnet.subnet(named: NodeResourceGroup.subnetName) {
            try await attach(subnet.networkSecurityGroupID, .managedSubnet(subnetID: vnet.subnetID(subnet)))
        }
        for set in try await scaleSets(in: group) {
            try await attach(set.model.networkSecurityGroupID, .nic(scaleSetID: set.id))
        }
        for subnetID in customerSubnets {
            let parts = subnetID.split(separator: "/").map(String.init)
            guard parts.count == 10, parts[8].lowercased() == "subnets", let vnet = try await virtualNetwork(id: parts[0..<8].map { "/\($0)" }.joined()),
                let subnet = vnet.subnet(named: parts[9])
            else { continue }
            try await attach(subnet.networkSecurityGroupID, .customerSubnet(subnetID: vnet.subnetID(subnet)))
        }
        return applied
    }
}
