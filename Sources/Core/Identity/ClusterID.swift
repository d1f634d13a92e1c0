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
