/// `Microsoft.ContainerService/managedClusters` as it travels on the wire (api-versions
/// 2026-06-01, 2026-08-01 and 2026-10-01 share this shape for the fields the service supports).
public struct ManagedClusterWire: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var type: String?
    public var location: String?
    public var tags: [String: String]?
    public var eTag: String?
    public var sku: ManagedClusterSKUWire?
    public var identity: ManagedClusterIdentityWire?
    public var properties: ManagedClusterPropertiesWire?

    public init(
        id: String? = nil, name: String? = nil, type: String? = nil, location: String? = nil, tags: [String: String]? = nil,
        eTag: String? = nil, sku: ManagedClusterSKUWire? = nil, identity: ManagedClusterIdentityWire? = nil,
        properties: ManagedClusterPropertiesWire? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.location = location
        self.tags = tags
        self.eTag = eTag
        self.sku = sku
        self.identity = identity
        self.properties = properties
    }
}

public struct ManagedClusterSKUWire: Codable, Sendable, Equatable {
    public var name: String?
    public var tier: String?
    public init(name: String? = nil, tier: String? = nil) {
        self.name = name
        self.tier = tier
    }
}

public struct ManagedClusterIdentityWire: Codable, Sendable, Equatable {
    public var type: String?
    public var principalId: String?
    public var tenantId: String?
    public init(type: String? = nil, principalId: String? = nil, tenantId: String? = nil) {
        self.type = type
        self.principalId = principalId
        self.tenantId = tenantId
    }
}

public struct PowerStateWire: Codable, Sendable, Equatable {
    public var code: String?
    public init(code: String? = nil) { self.code = code }
}

public struct ManagedClusterPropertiesWire: Codable, Sendable, Equatable {
    public var provisioningState: String?
    public var powerState: PowerStateWire?
    public var maxAgentPools: Int?
    public var kubernetesVersion: String?
    public var currentKubernetesVersion: String?
    public var dnsPrefix: String?
    public var fqdn: String?
    public var azurePortalFQDN: String?
    public var agentPoolProfiles: [AgentPoolProfileWire]?
    public var nodeResourceGroup: String?
    public var enableRBAC: Bool?
    public var disableLocalAccounts: Bool?
    public var supportPlan: String?
    public var networkProfile: NetworkProfileWire?
    public var resourceUID: String?

    public init(
        provisioningState: String? = nil, powerState: PowerStateWire? = nil, maxAgentPools: Int? = nil,
        kubernetesVersion: String? = nil, currentKubernetesVersion: String? = nil, dnsPrefix: String? = nil,
        fqdn: String? = nil, azurePortalFQDN: String? = nil, agentPoolProfiles: [AgentPoolProfileWire]? = nil,
        nodeResourceGroup: String? = nil, enableRBAC: Bool? = nil, disableLocalAccounts: Bool? = nil,
        supportPlan: String? = nil, networkProfile: NetworkProfileWire? = nil, resourceUID: String? = nil
    ) {
        self.provisioningState = provisioningState
        self.powerState = powerState
        self.maxAgentPools = maxAgentPools
        self.kubernetesVersion = kubernetesVersion
        self.currentKubernetesVersion = currentKubernetesVersion
        self.dnsPrefix = dnsPrefix
        self.fqdn = fqdn
        self.azurePortalFQDN = azurePortalFQDN
        self.agentPoolProfiles = agentPoolProfiles
        self.nodeResourceGroup = nodeResourceGroup
        self.enableRBAC = enableRBAC
        self.disableLocalAccounts = disableLocalAccounts
        self.supportPlan = supportPlan
        self.networkProfile = networkProfile
        self.resourceUID = resourceUID
    }
}

public struct NetworkProfileWire: Codable, Sendable, Equatable {
    public var networkPlugin: String?
    public var networkPluginMode: String?
    public var loadBalancerSku: String?
    public var outboundType: String?
    public var podCidr: String?
    public var serviceCidr: String?
    public var dnsServiceIP: String?

    public init(
        networkPlugin: String? = nil, networkPluginMode: String? = nil, loadBalancerSku: String? = nil,
        outboundType: String? = nil, podCidr: String? = nil, serviceCidr: String? = nil, dnsServiceIP: String? = nil
    ) {
        self.networkPlugin = networkPlugin
        self.networkPluginMode = networkPluginMode
        self.loadBalancerSku = loadBalancerSku
        self.outboundType = outboundType
        self.podCidr = podCidr
        self.serviceCidr = serviceCidr
        self.dnsServiceIP = dnsServiceIP
    }
}
