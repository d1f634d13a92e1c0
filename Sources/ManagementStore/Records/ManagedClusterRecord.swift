import Core
import Foundation

/// The desired shape of a cluster, as the customer asked for it through the API (validated).
public struct ClusterSpec: Codable, Sendable, Equatable {
    /// Concrete patch version the customer asked for (`1.34` is resolved to its latest patch).
    public var kubernetesVersion: String
    public var dnsPrefix: String
    public var enableRBAC: Bool
    public var disableLocalAccounts: Bool
    public var nodeResourceGroup: String
    public var skuName: String
    public var skuTier: String
    public var identityType: String
    public var supportPlan: String
    public var network: NetworkSpec

    public init(
        kubernetesVersion: String, dnsPrefix: String, enableRBAC: Bool = true, disableLocalAccounts: Bool = false,
        nodeResourceGroup: String, skuName: String = "Base", skuTier: String = "Free", identityType: String = "SystemAssigned",
        supportPlan: String = "KubernetesOfficial", network: NetworkSpec = NetworkSpec()
    ) {
        self.kubernetesVersion = kubernetesVersion
        self.dnsPrefix = dnsPrefix
        self.enableRBAC = enableRBAC
        self.disableLocalAccounts = disableLocalAccounts
        self.nodeResourceGroup = nodeResourceGroup
        self.skuName = skuName
        self.skuTier = skuTier
        self.identityType = identityType
        self.supportPlan = supportPlan
        self.network = network
    }
}

/// The cluster network settings the service supports.
public struct NetworkSpec: Codable, Sendable, Equatable {
    public var networkPlugin: String = "azure"
    public var networkPluginMode: String? = "overlay"
    public var loadBalancerSku: String = "standard"
    public var outboundType: String = "loadBalancer"
    public var podCidr: String = "10.244.0.0/16"
    public var serviceCidr: String = "10.0.0.0/16"
    public var dnsServiceIP: String = "10.0.0.10"

    public init() {}
}

/// What the service observed and did for a cluster.
public struct ClusterStatus: Codable, Sendable, Equatable {
    public var provisioningState: ProvisioningState
    public var powerState: PowerState
    public var currentKubernetesVersion: String?
    public var fqdn: String?
    public var resourceUID: String
    public var observedGeneration: Int
    /// Names of the provisioning steps completed for the current generation.
    public var completedSteps: [String]

    public init(
        provisioningState: ProvisioningState, powerState: PowerState = .running, currentKubernetesVersion: String? = nil,
        fqdn: String? = nil, resourceUID: String, observedGeneration: Int = 0, completedSteps: [String] = []
    ) {
        self.provisioningState = provisioningState
        self.powerState = powerState
        self.currentKubernetesVersion = currentKubernetesVersion
        self.fqdn = fqdn
        self.resourceUID = resourceUID
        self.observedGeneration = observedGeneration
        self.completedSteps = completedSteps
    }
}

/// A managed cluster as stored: identity, desired spec, observed status.
public struct ManagedClusterRecord: Codable, Sendable, Equatable {
    public var id: ClusterID
    public var location: String
    public var tags: [String: String]
    public var spec: ClusterSpec
    public var status: ClusterStatus
    /// Bumped on every accepted change of the spec (or tags).
    public var generation: Int
    public var eTag: String
    public var createdAt: Date
    public var updatedAt: Date
    /// Desired power state: stop/start flip it; the controller makes status follow.
    public var desiredPowerState: PowerState
    /// Set when a delete was accepted; the controller tears the cluster down.
    public var deletionRequestedAt: Date?

    public init(
        id: ClusterID, location: String, tags: [String: String], spec: ClusterSpec, status: ClusterStatus,
        generation: Int = 1, eTag: String = UUIDv4.make(), createdAt: Date, updatedAt: Date, desiredPowerState: PowerState = .running
    ) {
        self.id = id
        self.location = location
        self.tags = tags
        self.spec = spec
        self.status = status
        self.generation = generation
        self.eTag = eTag
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.desiredPowerState = desiredPowerState
    }
}
