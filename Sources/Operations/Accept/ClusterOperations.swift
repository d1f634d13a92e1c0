import Core
import Foundation
import ManagementStore

/// Accepts customer changes to clusters and pools: checks them against the rules, records
/// the desired state and a long-running operation in one commit, then wakes the runner.
/// Everything here happens before the API answers 201/202 (DESIGN: accepted means durable).
public struct ClusterOperations: Sendable {
    let store: any ManagementStore
    let clock: any TimeSource
    let runner: OperationRunner?
    let catalogs: @Sendable (Date) -> Catalogs

    public init(
        store: any ManagementStore, clock: any TimeSource, runner: OperationRunner?,
        catalogs: @escaping @Sendable (Date) -> Catalogs = { Catalogs(now: $0) }
    ) {
        self.store = store
        self.clock = clock
        self.runner = runner
        self.catalogs = catalogs
    }

    /// What an accepted request produced.
    public struct Accepted: Sendable {
        public var cluster: ManagedClusterRecord
        public var pools: [AgentPoolRecord]
        public var operation: OperationRecord
        /// True when the request created the resource (201) rather than changed it (200).
        public var created: Bool
    }

    // MARK: Clusters

    public func createOrUpdate(_ id: ClusterID, _ request: ClusterRequest, ifMatch: String? = nil, ifNoneMatch: Bool = false) async throws -> Accepted {
        try await requireWritable(id.subscription)
        try ResourceNameRules.validateResourceGroupName(id.resourceGroup)
        try ResourceNameRules.validateClusterName(id.name)
        let now = clock.now()
        let catalogs = self.catalogs(now)
        let existing = try await store.cluster(id)
        if let existing { try requireChangeable(existing) }
        let existingPools = existing == nil ? [] : try await store.agentPools(of: id)
        let spec = try ClusterValidation(catalogs: catalogs).spec(for: request, id: id, existing: existing)
        let tags = request.tags ?? existing?.tags ?? [:]
        try TagRules.check(tags, previous: existing?.tags ?? [:], target: "tags")

        let poolValidation = AgentPoolValidation(catalogs: catalogs, controlPlaneVersion: spec.kubernetesVersion)
        var pools: [AgentPoolRecord] = []
        let requested = request.agentPools ?? []
        if existing == nil, requested.isEmpty {
            throw ServiceError.missingParameter(target: "properties.agentPoolProfiles")
        }
        var seen = Set<String>()
        for poolRequest in requested {
            guard seen.insert(poolRequest.name.lowercased()).inserted else {
                throw ServiceError.invalidParameter(target: "\(poolRequest.target).name", message: "Agent pool names must be unique; '\(poolRequest.name)' appears twice.")
            }
            let previous = existingPools.first { $0.id.name.lowercased() == poolRequest.name.lowercased() }
            let poolSpec = try poolValidation.spec(for: poolRequest, existing: previous?.spec)
            pools.append(poolRecord(AgentPoolID(cluster: id, name: previous?.id.name ?? poolRequest.name), poolSpec, previous: previous, now: now))
        }
        let allPools = existingPools.filter { p in !pools.contains { $0.id.key == p.id.key } } + pools
        guard allPools.contains(where: { $0.spec.mode == .system && $0.deletionRequestedAt == nil }) else {
            throw ServiceError.invalidParameter(target: "properties.agentPoolProfiles", message: "A cluster needs at least one agent pool with mode System.")
        }

        var cluster: ManagedClusterRecord
        if var current = existing {
            current.tags = tags
            current.spec = spec
            current.generation += 1
            current.eTag = UUIDv4.make()
            current.updatedAt = now
            current.status.provisioningState = .updating
            current.status.completedSteps = []
            cluster = current
        } else {
            cluster = ManagedClusterRecord(
                id: id, location: request.location, tags: tags, spec: spec,
                status: ClusterStatus(provisioningState: .creating, resourceUID: UUIDv4.make()),
                createdAt: now, updatedAt: now)
        }
        cluster.location = existing?.location ?? request.location
        let operation = OperationRecord(kind: .createOrUpdateCluster, cluster: id, location: cluster.location, startTime: now)
        let event = EventRecord(resourceKey: id.key, time: now, reason: existing == nil ? "CreateAccepted" : "UpdateAccepted", message: "Accepted \(operation.kind.displayName)", operationID: operation.id)
        try await store.commit(ClusterCommit(cluster: cluster, pools: pools, operation: operation, ifMatch: ifMatch, ifNoneMatch: ifNoneMatch, events: [event]), for: id)
        runner?.notify()
        return Accepted(cluster: cluster, pools: allPools.sorted { $0.createdAt < $1.createdAt }, operation: operation, created: existing == nil)
    }

    public func updateTags(_ id: ClusterID, tags: [String: String]) async throws -> Accepted {
        try await requireWritable(id.subscription)
        var cluster = try await existingCluster(id)
        try requireChangeable(cluster)
        try TagRules.check(tags, previous: cluster.tags, target: "tags")
        let now = clock.now()
        cluster.tags = tags
        cluster.eTag = UUIDv4.make()
        cluster.updatedAt = now
        cluster.status.provisioningState = .updating
        return try await accept(.updateClusterTags, cluster: cluster, now: now)
    }

    /// Returns nil when the cluster does not exist (ARM answers 204 then).
    public func delete(_ id: ClusterID) async throws -> Accepted? {
        guard var cluster = try await store.cluster(id) else { return nil }
        if cluster.deletionRequestedAt != nil, let active = try await store.activeOperation(on: id) {
            return Accepted(cluster: cluster, pools: [], operation: active, created: false)
        }
        let now = clock.now()
        cluster.deletionRequestedAt = now
        cluster.status.provisioningState = .deleting
        cluster.updatedAt = now
        return try await accept(.deleteCluster, cluster: cluster, now: now)
    }

    public func stop(_ id: ClusterID) async throws -> Accepted {
        try await setPower(id, .stopped)
    }

    public func start(_ id: ClusterID) async throws -> Accepted {
        try await requireWritable(id.subscription)
        return try await setPower(id, .running)
    }

    private func setPower(_ id: ClusterID, _ power: PowerState) async throws -> Accepted {
        var cluster = try await existingCluster(id)
        if cluster.deletionRequestedAt != nil { try requireChangeable(cluster) }
        let now = clock.now()
        cluster.desiredPowerState = power
        cluster.status.provisioningState = power == .running ? .starting : .stopping
        cluster.updatedAt = now
        return try await accept(power == .running ? .startCluster : .stopCluster, cluster: cluster, now: now)
    }

    // MARK: Agent pools

    public func createOrUpdatePool(_ id: AgentPoolID, _ request: AgentPoolRequest) async throws -> Accepted {
        try await requireWritable(id.cluster.subscription)
        try ResourceNameRules.validateAgentPoolName(id.name)
        var cluster = try await existingCluster(id.cluster)
        try requireChangeable(cluster)
        let now = clock.now()
        let existing = try await store.agentPool(id)
        var request = request
        request.name = existing?.id.name ?? id.name
        let validation = AgentPoolValidation(catalogs: catalogs(now), controlPlaneVersion: cluster.spec.kubernetesVersion)
        let spec = try validation.spec(for: request, existing: existing?.spec)
        if let existing, existing.spec.mode == .system, spec.mode == .user {
            if try await !hasOtherSystemPool(besides: id) {
                throw ServiceError.invalidParameter(target: "properties.mode", message: "A cluster needs at least one System pool; '\(id.name)' is the last one.")
            }
        }
        let pool = poolRecord(AgentPoolID(cluster: id.cluster, name: request.name), spec, previous: existing, now: now)
        cluster.status.provisioningState = .updating
        cluster.updatedAt = now
        var accepted = try await accept(.createOrUpdateAgentPool, cluster: cluster, pools: [pool], agentPool: pool.id.name, now: now)
        accepted.created = existing == nil
        return accepted
    }

    /// Returns nil when the pool does not exist (204).
    public func deletePool(_ id: AgentPoolID) async throws -> Accepted? {
        var cluster = try await existingCluster(id.cluster)
        guard var pool = try await store.agentPool(id) else { return nil }
        try requireChangeable(cluster)
        if pool.spec.mode == .system {
            if try await !hasOtherSystemPool(besides: id) {
                throw ServiceError.invalidParameter(target: "agentPoolName", message: "The agent pool '\(id.name)' is the cluster's last System pool and cannot be deleted.")
            }
        }
        let now = clock.now()
        pool.deletionRequestedAt = now
        pool.status.provisioningState = .deleting
        cluster.status.provisioningState = .updating
        return try await accept(.deleteAgentPool, cluster: cluster, pools: [pool], agentPool: pool.id.name, now: now)
    }

    // MARK: Helpers

    private func accept(_ kind: OperationKind, cluster: ManagedClusterRecord, pools: [AgentPoolRecord] = [], agentPool: String? = nil, now: Date) async throws -> Accepted {
        let operation = OperationRecord(kind: kind, cluster: cluster.id, agentPool: agentPool, location: cluster.location, startTime: now)
        let event = EventRecord(resourceKey: cluster.id.key, time: now, reason: "Accepted", message: "Accepted \(kind.displayName)", operationID: operation.id)
        try await store.commit(ClusterCommit(cluster: cluster, pools: pools, operation: operation, events: [event]), for: cluster.id)
        runner?.notify()
        return Accepted(cluster: cluster, pools: pools, operation: operation, created: false)
    }

    private func poolRecord(_ id: AgentPoolID, _ spec: AgentPoolSpec, previous: AgentPoolRecord?, now: Date) -> AgentPoolRecord {
        guard var pool = previous else {
            return AgentPoolRecord(id: id, spec: spec, status: AgentPoolStatus(provisioningState: .creating), createdAt: now, updatedAt: now)
        }
        if pool.spec != spec {
            pool.status.provisioningState = pool.spec.count != spec.count ? .scaling : .updating
            pool.spec = spec
            pool.generation += 1
            pool.eTag = UUIDv4.make()
            pool.updatedAt = now
        }
        return pool
    }

    /// Whether the cluster keeps a System pool (not being deleted) other than `id`.
    private func hasOtherSystemPool(besides id: AgentPoolID) async throws -> Bool {
        try await store.agentPools(of: id.cluster).contains { $0.id.key != id.key && $0.spec.mode == .system && $0.deletionRequestedAt == nil }
    }

    private func existingCluster(_ id: ClusterID) async throws -> ManagedClusterRecord {
        guard let cluster = try await store.cluster(id) else {
            throw ServiceError.notFound(kind: "managed cluster", name: id.name)
        }
        return cluster
    }

    /// A cluster being deleted, or stopped, accepts no changes but start and delete.
    private func requireChangeable(_ cluster: ManagedClusterRecord) throws {
        if cluster.deletionRequestedAt != nil {
            throw ServiceError.conflict(message: "The managed cluster '\(cluster.id.name)' is being deleted.")
        }
        if cluster.desiredPowerState == .stopped {
            throw ServiceError.conflict(message: "The managed cluster '\(cluster.id.name)' is stopped; start it before changing it.")
        }
    }

    /// Writes need an Enabled subscription (POLICY L5).
    private func requireWritable(_ subscription: String) async throws {
        if let record = try await store.subscription(subscription), record.state != .enabled {
            throw ServiceError.subscriptionNotUsable(subscription: subscription, state: record.state.rawValue)
        }
    }
}
