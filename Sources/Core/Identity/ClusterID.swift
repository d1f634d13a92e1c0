/// Identifies a managed cluster the way ARM does. Names keep the caller's spelling;
/// `key` is the case-insensitive identity used by the stores (ARM ids are case-insensitive).
public struct ClusterID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let subscription: String
    public let resourceGroup: String
    public let name: String

    public init(subscription: String, resourceGroup: String, name: String) {
        self.subscription = subscription
        self.resourceGroup = resourceGroup
        self.name = name
    }

    /// The ARM resource id, as AKS spells it in responses.
    public var armID: String {
        "/subscriptions/\(subscription)/resourcegroups/\(resourceGroup)/providers/Microsoft.ContainerService/managedClusters/\(name)"
    }

    /// Lower-cased identity for lookups.
    public var key: String { armID.lowercased() }

    /// Parses an ARM id or a `key` (`/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ContainerService/managedClusters/{name}`,
    /// any case); nil if it names something else.
    public init?(armID: String) {
        let parts = armID.split(separator: "/").map(String.init)
        guard parts.count == 8, parts[0].lowercased() == "subscriptions", parts[2].lowercased() == "resourcegroups",
            parts[4].lowercased() == "providers", parts[5].lowercased() == "microsoft.containerservice", parts[6].lowercased() == "managedclusters"
        else { return nil }
        self.init(subscription: parts[1], resourceGroup: parts[3], name: parts[7])
    }

    public var description: String { armID }

    /// The node resource group AKS derives: `MC_{rg}_{cluster}_{location}`.
    public func nodeResourceGroup(location: String) -> String {
        "MC_\(resourceGroup)_\(name)_\(location)"
    }
}

/// Identifies an agent pool inside a cluster.
public struct AgentPoolID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let cluster: ClusterID
    public let name: String

    public init(cluster: ClusterID, name: String) {
        self.cluster = cluster
        self.name = name
    }

    public var armID: String { "\(cluster.armID)/agentPools/\(name)" }
    public var key: String { armID.lowercased() }
    public var description: String { armID }
}
