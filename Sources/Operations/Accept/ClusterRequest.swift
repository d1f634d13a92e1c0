/// A create-or-update request for a cluster, in the domain's terms. `nil` means "not
/// given"; empty strings for versions and sizes mean "the service default", as `az` sends.
public struct ClusterRequest: Sendable, Equatable {
    public var location: String
    public var tags: [String: String]?
    public var kubernetesVersion: String?
    public var dnsPrefix: String?
    public var enableRBAC: Bool?
    public var disableLocalAccounts: Bool?
    public var nodeResourceGroup: String?
    public var skuName: String?
    public var skuTier: String?
    public var identityType: String?
    public var supportPlan: String?
    public var network: NetworkRequest?
    public var agentPools: [AgentPoolRequest]?

    public init(location: String) {
        self.location = location
    }
}

/// Network settings in a request; every field optional.
public struct NetworkRequest: Sendable, Equatable {
    public var networkPlugin: String?
    public var networkPluginMode: String?
    public var loadBalancerSku: String?
    public var outboundType: String?
    public var podCidr: String?
    public var serviceCidr: String?
    public var dnsServiceIP: String?

    public init() {}
}

/// An agent pool in a request (from `agentPoolProfiles[]` or an `agentPools` PUT).
public struct AgentPoolRequest: Sendable, Equatable {
    public var name: String
    /// JSON path prefix of this pool in the request, for error targets.
    public var target: String
    public var count: Int?
    public var vmSize: String?
    public var osType: String?
    public var osSKU: String?
    public var osDiskSizeGB: Int?
    public var mode: String?
    public var orchestratorVersion: String?
    public var maxPods: Int?
    public var type: String?
    public var availabilityZones: [String]?
    public var enableAutoScaling: Bool?
    public var minCount: Int?
    public var maxCount: Int?
    public var nodeLabels: [String: String]?
    public var nodeTaints: [String]?
    public var tags: [String: String]?
    public var maxSurge: String?
    public var vnetSubnetID: String?

    public init(name: String, target: String) {
        self.name = name
        self.target = target
    }
}
