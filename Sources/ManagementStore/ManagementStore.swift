import Core
import Foundation

/// A unit of work on one cluster, committed atomically (DESIGN: accepted means durable).
/// The API builds one per mutating request; the store applies all of it or none of it.
public struct ClusterCommit: Sendable {
    /// Upserts the cluster record.
    public var cluster: ManagedClusterRecord?
    /// Upserts these pools.
    public var pools: [AgentPoolRecord]
    /// Removes these pools (by name).
    public var removedPools: [String]
    /// Inserts this operation; the commit fails with `operationInProgress` if another
    /// operation on the same cluster is still in progress.
    public var operation: OperationRecord?
    /// The cluster must currently have this eTag (`If-Match`); `"*"` means it must exist.
    public var ifMatch: String?
    /// The cluster must not exist yet (`If-None-Match: *`).
    public var ifNoneMatch: Bool
    /// Events to append.
    public var events: [EventRecord]

    public init(
        cluster: ManagedClusterRecord? = nil, pools: [AgentPoolRecord] = [], removedPools: [String] = [],
        operation: OperationRecord? = nil, ifMatch: String? = nil, ifNoneMatch: Bool = false, events: [EventRecord] = []
    ) {
        self.cluster = cluster
        self.pools = pools
        self.removedPools = removedPools
        self.operation = operation
        self.ifMatch = ifMatch
        self.ifNoneMatch = ifNoneMatch
        self.events = events
    }
}

/// Durable records of the management plane, behind one protocol with two real backends:
/// SQLite (embedded default) and PostgreSQL (shared by several replicas).
/// The store never reads the clock: callers pass the instants.
public protocol ManagementStore: Sendable {
    // MARK: Subscriptions and credentials
    func subscription(_ id: String) async throws -> SubscriptionRecord?
    func subscriptions(tenantID: String?) async throws -> [SubscriptionRecord]
    func saveSubscription(_ record: SubscriptionRecord) async throws
    func grant(_ id: String) async throws -> TokenGrant?
    func saveGrant(_ grant: TokenGrant) async throws

    // MARK: Clusters and pools
    func cluster(_ id: ClusterID) async throws -> ManagedClusterRecord?
    /// A page of the clusters of a subscription (optionally one resource group), ordered by name.
    func clusters(subscription: String, resourceGroup: String?, limit: Int, offset: Int) async throws -> [ManagedClusterRecord]
    /// Count of all clusters (metrics and benchmarks).
    func clusterCount() async throws -> Int
    /// Pools of a cluster, ordered by creation.
    func agentPools(of cluster: ClusterID) async throws -> [AgentPoolRecord]
    func agentPool(_ id: AgentPoolID) async throws -> AgentPoolRecord?
    /// Pools of several clusters in one query, keyed by cluster key, each ordered by creation.
    func agentPools(ofClusters clusters: [ClusterID]) async throws -> [String: [AgentPoolRecord]]
    /// Applies a unit of work atomically; throws `ServiceError` for conflicts and preconditions.
    func commit(_ commit: ClusterCommit, for id: ClusterID) async throws
    /// Removes a cluster and its pools; its operations stay as history.
    func deleteCluster(_ id: ClusterID) async throws

    // MARK: Operations
    func operation(_ id: String) async throws -> OperationRecord?
    /// The operation in progress on a cluster, if any.
    func activeOperation(on cluster: ClusterID) async throws -> OperationRecord?
    /// Claims the oldest in-progress operation whose lease is free or expired at `now`,
    /// for `owner` until `leaseUntil`. Two replicas never get the same operation.
    func claimOperation(owner: String, now: Date, leaseUntil: Date) async throws -> OperationRecord?
    /// Extends a held lease; returns false if the lease was lost.
    func renewLease(operation id: String, owner: String, until: Date) async throws -> Bool
    /// Frees every lease `owner` holds, so a restarted replica (same owner id) resumes its
    /// operations at once instead of waiting for the leases to expire. Returns how many.
    func releaseLeases(owner: String) async throws -> Int
    /// Records the end of an operation held by `owner`; returns false if the lease was lost.
    func finishOperation(_ record: OperationRecord, owner: String) async throws -> Bool
    /// Counts of operations by kind and state (metrics).
    func operationCounts() async throws -> [OperationCount]

    // MARK: Events
    func appendEvents(_ events: [EventRecord]) async throws
    func events(resourceKey: String, limit: Int) async throws -> [EventRecord]

    // MARK: Simulated IaaS resources (generic; the Infrastructure module owns their bodies)
    /// One resource by ARM id (any case).
    func iaasResource(_ id: String) async throws -> IaaSResourceRecord?
    /// The resources of a subscription, optionally one resource group and one type (compared
    /// case-insensitively), ordered by key.
    func iaasResources(subscription: String, resourceGroup: String?, type: String?) async throws -> [IaaSResourceRecord]
    /// Applies writes and deletes atomically after checking every precondition; a failed one
    /// throws `ServiceError.preconditionFailed` and changes nothing.
    func commitIaaS(_ commit: IaaSCommit) async throws
    /// Removes every resource of a resource group; returns how many.
    func deleteIaaSResources(subscription: String, resourceGroup: String) async throws -> Int

    // MARK: Policy findings (SUP4)
    /// The findings last recorded for a cluster (by `ClusterID.key`), ordered by id.
    func findings(cluster key: String) async throws -> [FindingRecord]
    /// Replaces the cluster's findings with `findings` atomically (an empty list clears them).
    func replaceFindings(cluster key: String, with findings: [FindingRecord]) async throws
}

extension ManagementStore {
    /// All clusters of a subscription (optionally one resource group), ordered by name.
    public func clusters(subscription: String, resourceGroup: String?) async throws -> [ManagedClusterRecord] {
        try await clusters(subscription: subscription, resourceGroup: resourceGroup, limit: Int(Int32.max), offset: 0)
    }
}

/// One row of `operationCounts()`.
public struct OperationCount: Sendable, Equatable {
    public var kind: OperationKind
    public var state: OperationState
    public var count: Int

    public init(kind: OperationKind, state: OperationState, count: Int) {
        self.kind = kind
        self.state = state
        self.count = count
    }
}
