import Core

/// The resource group that holds a cluster's simulated IaaS, `MC_{rg}_{cluster}_{location}`
/// (the ARM `nodeResourceGroup`). Every child name derives from the cluster's id, so the
/// same cluster always gets the same names (DESIGN: child resources have deterministic names).
public struct NodeResourceGroup: Sendable, Codable, Hashable {
    public var subscription: String
    public var name: String
    public var location: String
    /// `ClusterID.key` of the owning cluster.
    public var clusterKey: String
    public var clusterName: String

    public init(subscription: String, name: String, location: String, clusterKey: String, clusterName: String) {
        self.subscription = subscription
        self.name = name
        self.location = location
        self.clusterKey = clusterKey
        self.clusterName = clusterName
    }

    /// The node resource group AKS derives for `cluster` (or the name the customer chose).
    public init(cluster: ClusterID, location: String, name: String? = nil) {
        self.init(
            subscription: cluster.subscription, name: name ?? cluster.nodeResourceGroup(location: location), location: location,
            clusterKey: cluster.key, clusterName: cluster.name)
    }

    /// `subscription/resourcegroup`, lower-cased: what `Infrastructure.changes()` yields.
    public var key: String { Self.key(subscription: subscription, resourceGroup: name) }

    public static func key(subscription: String, resourceGroup: String) -> String {
        "\(subscription)/\(resourceGroup)".lowercased()
    }

    /// The ARM id of the resource group.
    public var id: String { "/subscriptions/\(subscription)/resourceGroups/\(name)" }

    /// Eight decimal digits derived from the cluster's id (AKS's `resourceNameSuffix`). FNV-1a,
    /// because Swift's `hashValue` is seeded per process and would rename resources on restart.
    public var hash: String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in clusterKey.lowercased().utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let digits = String(value % 100_000_000)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    public var virtualNetworkName: String { "aks-vnet-\(hash)" }
    public static let subnetName = "aks-subnet"
    public var securityGroupName: String { "aks-agentpool-\(hash)-nsg" }

    /// `aks-{pool}-{hash}-vmss`.
    public func scaleSetName(pool: String) -> String { "aks-\(pool.lowercased())-\(hash)-vmss" }

    public var virtualNetworkID: String { ARMResource.id(subscription, name, ARMResource.virtualNetworks, virtualNetworkName) }
    public var subnetID: String { "\(virtualNetworkID)/subnets/\(Self.subnetName)" }
    public var securityGroupID: String { ARMResource.id(subscription, name, ARMResource.securityGroups, securityGroupName) }
    public func scaleSetID(pool: String) -> String { ARMResource.id(subscription, name, ARMResource.scaleSets, scaleSetName(pool: pool)) }
}

/// ARM resource types the simulated IaaS serves and how their ids are spelled.
public enum ARMResource {
    public static let resourceGroups = "Microsoft.Resources/resourceGroups"
    public static let scaleSets = "Microsoft.Compute/virtualMachineScaleSets"
    public static let virtualNetworks = "Microsoft.Network/virtualNetworks"
    public static let securityGroups = "Microsoft.Network/networkSecurityGroups"

    /// `/subscriptions/{s}/resourceGroups/{rg}/providers/{type}/{name}`.
    public static func id(_ subscription: String, _ resourceGroup: String, _ type: String, _ name: String) -> String {
        "/subscriptions/\(subscription)/resourceGroups/\(resourceGroup)/providers/\(type)/\(name)"
    }

    /// The subscription, resource group, type and name of an ARM id of a top-level resource
    /// (`…/providers/{namespace}/{type}/{name}`, optionally followed by child segments); nil if malformed.
    public static func parse(_ id: String) -> (subscription: String, resourceGroup: String, type: String, name: String)? {
        let parts = id.split(separator: "/").map(String.init)
        guard parts.count >= 8, parts[0].lowercased() == "subscriptions", parts[2].lowercased() == "resourcegroups",
            parts[4].lowercased() == "providers"
        else { return nil }
        return (parts[1], parts[3], "\(parts[5])/\(parts[6])", parts[7])
    }
}

extension NodeResourceGroup {
    /// The managed subnet's id for a scale set named `aks-{pool}-{hash}-vmss` in `resourceGroup`.
    public static func subnetID(subscription: String, resourceGroup: String, hashOf scaleSetName: String) -> String {
        let hash = scaleSetName.split(separator: "-").dropLast().last.map(String.init) ?? ""
        return ARMResource.id(subscription, resourceGroup, ARMResource.virtualNetworks, "aks-vnet-\(hash)") + "/subnets/\(subnetName)"
    }
}
