import Core
import Foundation
import ManagementStore

/// A network security group as a PUT asks for it. `location` nil keeps the existing one.
public struct SecurityGroupRequest: Sendable, Equatable {
    public var location: String?
    public var tags: [String: String]
    public var securityRules: [SecurityRule]

    public init(location: String?, tags: [String: String] = [:], securityRules: [SecurityRule] = []) {
        self.location = location
        self.tags = tags
        self.securityRules = securityRules
    }
}

/// The direct path for NSGs and their rules (any resource group; in the node resource group a
/// change to the managed NSG is SEC4 drift, kept apart from the baseline).
extension Infrastructure {
    public func putSecurityGroup(subscription: String, resourceGroup: String, name: String, _ request: SecurityGroupRequest) async throws
        -> (securityGroup: NetworkSecurityGroup, created: Bool)
    {
        let id = ARMResource.id(subscription, resourceGroup, ARMResource.securityGroups, name)
        let rules = try SecurityRule.validated(request.securityRules) { "properties.securityRules[\($0)].properties" }
        return try await retryingConflicts {
            let existing = try await securityGroup(id: id)
            guard let location = request.location ?? existing?.location, !location.isEmpty else {
                throw ServiceError.missingParameter(target: "location")
            }
            let nsg = NetworkSecurityGroup(
                id: existing?.id ?? id, name: existing?.name ?? name, subscription: subscription, resourceGroup: existing?.resourceGroup ?? resourceGroup,
                location: location, tags: request.tags, securityRules: rules, baseline: existing?.baseline,
                resourceGUID: existing?.resourceGUID ?? UUIDv4.make(), eTag: "")
            try await commit([.put(nsg, expected: ResourceChange.expecting(existing))])
            return (try await securityGroup(id: id) ?? nsg, existing == nil)
        }
    }

    /// Creates or replaces one rule (`networkSecurityGroups/{nsg}/securityRules/{name}` PUT).
    public func putSecurityRule(subscription: String, resourceGroup: String, securityGroup nsgName: String, _ rule: SecurityRule) async throws
        -> (rule: SecurityRule, created: Bool)
    {
        let id = ARMResource.id(subscription, resourceGroup, ARMResource.securityGroups, nsgName)
        let checked = try rule.validated(target: "properties")
        return try await retryingConflicts {
            guard var nsg = try await securityGroup(id: id) else { throw ServiceError.notFound(kind: "network security group", name: nsgName) }
            let before = nsg.eTag
            let existing = nsg.securityRules.firstIndex { $0.name.lowercased() == checked.name.lowercased() }
            if let clash = nsg.securityRules.first(where: {
                $0.name.lowercased() != checked.name.lowercased() && $0.priority == checked.priority && $0.direction == checked.direction
            }) {
                throw ServiceError.invalidParameter(
                    target: "properties.priority",
                    message: "Security rule '\(clash.name)' already has priority \(checked.priority) in direction \(checked.direction).")
            }
            if let existing { nsg.securityRules[existing] = checked } else { nsg.securityRules.append(checked) }
            try await commit([.put(nsg, expected: .eTag(before))])
            return (checked, existing == nil)
        }
    }

    /// Deletes one rule; returns whether it existed.
    public func deleteSecurityRule(subscription: String, resourceGroup: String, securityGroup nsgName: String, name: String) async throws -> Bool {
        let id = ARMResource.id(subscription, resourceGroup, ARMResource.securityGroups, nsgName)
        return try await retryingConflicts {
            guard var nsg = try await securityGroup(id: id), nsg.securityRules.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                return false
            }
            let before = nsg.eTag
            nsg.securityRules.removeAll { $0.name.lowercased() == name.lowercased() }
            try await commit([.put(nsg, expected: .eTag(before))])
            return true
        }
    }

    /// Deletes an NSG; one still attached to a subnet or a scale set's NICs is refused.
    public func deleteSecurityGroup(subscription: String, resourceGroup: String, name: String) async throws -> Bool {
        let id = ARMResource.id(subscription, resourceGroup, ARMResource.securityGroups, name)
        return try await retryingConflicts {
            guard let nsg = try await securityGroup(id: id) else { return false }
            let key = id.lowercased()
            let subnets = try await virtualNetworks(subscription: subscription, resourceGroup: nil).flatMap { vnet in
                vnet.subnets.filter { $0.networkSecurityGroupID?.lowercased() == key }.map { vnet.subnetID($0) }
            }
            let sets = try await scaleSets(subscription: subscription, resourceGroup: nil).filter { $0.model.networkSecurityGroupID?.lowercased() == key }
            if let user = subnets.first ?? sets.first?.id {
                throw ServiceError.conflict(
                    message: "Network security group '\(name)' is in use by '\(user)' and cannot be deleted (InUseNetworkSecurityGroupCannotBeDeleted).")
            }
            try await commit([.delete(id: id, expected: .eTag(nsg.eTag))])
            return true
        }
    }
}
