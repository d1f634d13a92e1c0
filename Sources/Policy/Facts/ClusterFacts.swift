import Foundation

/// What the drift and lifecycle controllers observe about one cluster: the input of every
/// policy rule. Plain values, no behaviour beyond derived properties.
public struct ClusterFacts: Sendable, Equatable {
    /// The cluster's name, used in reasons.
    public var cluster: String
    public var kubernetesVersion: KubernetesVersionFacts
    public var subscription: SubscriptionState
    /// When the cluster was stopped through the service (L1); nil while running.
    public var stoppedSince: Date?
    /// Since when the cluster has had no Ready node and no running VM (L3); nil otherwise.
    public var zeroReadyNodesSince: Date?
    /// The control plane was archived after staying out of support (L4).
    public var controlPlaneArchived: Bool
    public var pools: [AgentPoolFacts]
    /// Tags and labels on managed resources: what the service applied and what is there now.
    public var metadata: [MetadataFacts]
    /// Security rules on NSGs that touch the cluster's nodes (managed or customer subnets, NICs).
    public var securityRules: [SecurityRuleFacts]
    /// Preview features (F2) the cluster uses; their registration was checked on the way in.
    public var previewFeatures: [String]
    /// Alpha feature gates or alpha API versions enabled on the cluster (F1).
    public var alphaFeatures: [String]

    public init(
        cluster: String,
        kubernetesVersion: KubernetesVersionFacts,
        subscription: SubscriptionState = .registered,
        stoppedSince: Date? = nil,
        zeroReadyNodesSince: Date? = nil,
        controlPlaneArchived: Bool = false,
        pools: [AgentPoolFacts] = [],
        metadata: [MetadataFacts] = [],
        securityRules: [SecurityRuleFacts] = [],
        previewFeatures: [String] = [],
        alphaFeatures: [String] = []
    ) {
        self.cluster = cluster
        self.kubernetesVersion = kubernetesVersion
        self.subscription = subscription
        self.stoppedSince = stoppedSince
        self.zeroReadyNodesSince = zeroReadyNodesSince
        self.controlPlaneArchived = controlPlaneArchived
        self.pools = pools
        self.metadata = metadata
        self.securityRules = securityRules
        self.previewFeatures = previewFeatures
        self.alphaFeatures = alphaFeatures
    }

    /// VM instances that still exist (not deleted), across all pools.
    public var existingInstances: [VMInstanceFacts] {
        pools.flatMap(\.instances).filter { !$0.outOfBand.contains(.deleted) }
    }

    /// POLICY L2: the cluster was not stopped through the service, yet every VM it has is
    /// deallocated, so someone deallocated them through IaaS.
    public var allNodesDeallocatedThroughIaaS: Bool {
        let instances = existingInstances
        return stoppedSince == nil && !instances.isEmpty && instances.allSatisfy { $0.powerState == .deallocated }
    }

    /// POLICY L3: since when the running cluster has had no Ready node and no running VM.
    var idleSince: Date? {
        guard stoppedSince == nil, let since = zeroReadyNodesSince else { return nil }
        return existingInstances.contains { $0.powerState == .running } ? nil : since
    }
}

/// The cluster's Kubernetes version and the end of its support window from the catalog (N9).
public struct KubernetesVersionFacts: Sendable, Equatable {
    public var version: String
    /// The first instant the version is out of support; nil when the catalog does not know
    /// the version at all (it is then out of support).
    public var endOfSupport: Date?

    public init(version: String, endOfSupport: Date?) {
        self.version = version
        self.endOfSupport = endOfSupport
    }

    public func isSupported(at now: Date) -> Bool {
        guard let endOfSupport else { return false }
        return now < endOfSupport
    }
}

/// The state of the subscription that owns the cluster (L5).
public enum SubscriptionState: Sendable, Equatable {
    case registered
    case suspended(since: Date)
    case deleted(since: Date)
}
