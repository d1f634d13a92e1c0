import Foundation

/// A subnet of a virtual network.
public struct Subnet: Sendable, Codable, Equatable {
    public var name: String
    public var addressPrefix: String
    public var networkSecurityGroupID: String?
    /// NIC addresses handed out in this subnet: IP -> the NIC's ARM id (ARM's read-only `ipConfigurations`).
    public var allocations: [String: String]

    public init(name: String, addressPrefix: String, networkSecurityGroupID: String? = nil, allocations: [String: String] = [:]) {
        self.name = name
        self.addressPrefix = addressPrefix
        self.networkSecurityGroupID = networkSecurityGroupID
        self.allocations = allocations
    }

    /// The settable part, for baseline comparison.
    public var model: SubnetModel { SubnetModel(name: name, addressPrefix: addressPrefix, networkSecurityGroupID: networkSecurityGroupID) }
}

/// What a subnet should be: its name, prefix and NSG reference.
public struct SubnetModel: Sendable, Codable, Equatable {
    public var name: String
    public var addressPrefix: String
    public var networkSecurityGroupID: String?

    public init(name: String, addressPrefix: String, networkSecurityGroupID: String? = nil) {
        self.name = name
        self.addressPrefix = addressPrefix
        self.networkSecurityGroupID = networkSecurityGroupID
    }
}

/// A virtual network: the node resource group's managed one (with a baseline) or a customer's
/// own in any resource group (bring-your-own, no baseline).
public struct VirtualNetwork: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var subscription: String
    public var resourceGroup: String
    public var location: String
    public var tags: [String: String]
    public var addressPrefixes: [String]
    public var subnets: [Subnet]
    /// The subnets the service created, as it created them; nil for a customer's network.
    public var baseline: [SubnetModel]?
    public var resourceGUID: String
    public var eTag: String

    /// Whether the service manages this network (changes to it are drift, not customisation).
    public var isManaged: Bool { baseline != nil }

    public func subnetID(_ subnet: Subnet) -> String { "\(id)/subnets/\(subnet.name)" }

    public func subnet(named name: String) -> Subnet? { subnets.first { $0.name.lowercased() == name.lowercased() } }
}
