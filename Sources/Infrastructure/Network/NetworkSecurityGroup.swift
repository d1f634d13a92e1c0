import Foundation

/// One security rule (ARM `securityRules[]`); plural fields are used when the singular is absent.
public struct SecurityRule: Sendable, Codable, Equatable {
    public var name: String
    public var priority: Int
    /// `Inbound` or `Outbound`.
    public var direction: String
    /// `Allow` or `Deny`.
    public var access: String
    /// `Tcp`, `Udp`, `Icmp`, `Esp`, `Ah` or `*`.
    public var `protocol`: String
    public var sourcePortRanges: [String]
    public var destinationPortRanges: [String]
    public var sourceAddressPrefixes: [String]
    public var destinationAddressPrefixes: [String]
    public var description: String?

    public init(
        name: String, priority: Int, direction: String, access: String, protocol: String, sourcePortRanges: [String] = ["*"],
        destinationPortRanges: [String] = ["*"], sourceAddressPrefixes: [String] = ["*"], destinationAddressPrefixes: [String] = ["*"],
        description: String? = nil
    ) {
        self.name = name
        self.priority = priority
        self.direction = direction
        self.access = access
        self.protocol = `protocol`
        self.sourcePortRanges = sourcePortRanges
        self.destinationPortRanges = destinationPortRanges
        self.sourceAddressPrefixes = sourceAddressPrefixes
        self.destinationAddressPrefixes = destinationAddressPrefixes
        self.description = description
    }

    /// Azure's six default rules, present in every NSG below the custom ones (priorities 65000+).
    public static let defaults: [SecurityRule] = [
        SecurityRule(
            name: "AllowVnetInBound", priority: 65000, direction: "Inbound", access: "Allow", protocol: "*",
            sourceAddressPrefixes: ["VirtualNetwork"], destinationAddressPrefixes: ["VirtualNetwork"],
            description: "Allow inbound traffic from all VMs in VNET"),
        SecurityRule(
            name: "AllowAzureLoadBalancerInBound", priority: 65001, direction: "Inbound", access: "Allow", protocol: "*",
            sourceAddressPrefixes: ["AzureLoadBalancer"], description: "Allow inbound traffic from azure load balancer"),
        SecurityRule(name: "DenyAllInBound", priority: 65500, direction: "Inbound", access: "Deny", protocol: "*", description: "Deny all inbound traffic"),
        SecurityRule(
            name: "AllowVnetOutBound", priority: 65000, direction: "Outbound", access: "Allow", protocol: "*",
            sourceAddressPrefixes: ["VirtualNetwork"], destinationAddressPrefixes: ["VirtualNetwork"],
            description: "Allow outbound traffic from all VMs to all VMs in VNET"),
        SecurityRule(
            name: "AllowInternetOutBound", priority: 65001, direction: "Outbound", access: "Allow", protocol: "*",
            destinationAddressPrefixes: ["Internet"], description: "Allow outbound traffic from all VMs to Internet"),
        SecurityRule(name: "DenyAllOutBound", priority: 65500, direction: "Outbound", access: "Deny", protocol: "*", description: "Deny all outbound traffic"),
    ]
}

/// A network security group: the node resource group's managed one (with a baseline) or a
/// customer's own.
public struct NetworkSecurityGroup: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var subscription: String
    public var resourceGroup: String
    public var location: String
    public var tags: [String: String]
    public var securityRules: [SecurityRule]
    /// The rules the service applied (AKS creates the NSG with none of its own); nil for a customer's NSG.
    public var baseline: [SecurityRule]?
    public var resourceGUID: String
    public var eTag: String

    public var isManaged: Bool { baseline != nil }
}

/// Where a security group applies to a node resource group's nodes.
public enum SecurityGroupScope: Sendable, Equatable {
    /// On the managed subnet (`aks-subnet`): rules there are SEC4 drift.
    case managedSubnet(subnetID: String)
    /// On the NICs of a scale set: rules there are SEC4 drift.
    case nic(scaleSetID: String)
    /// On a customer's own subnet: customisation is allowed, but required egress must stay open.
    case customerSubnet(subnetID: String)
}

/// A security group and where it applies.
public struct AppliedSecurityGroup: Sendable, Equatable {
    public var scope: SecurityGroupScope
    public var securityGroup: NetworkSecurityGroup
}
