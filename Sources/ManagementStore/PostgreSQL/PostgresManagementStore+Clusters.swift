import Core
import Foundation
import Logging
import PostgresNIO

// Clusters and pools, as `SQLiteManagementStore` stores them.
extension PostgresManagementStore {
    public func cluster(_ id: ClusterID) async throws -> ManagedClusterRecord? {
        try await withConnection { connection in
            try await Self.cluster(connection, key: id.key, logger: logger)
        }
    }

    static func cluster(_ connection: PostgresConnection, key: String, logger: Logger) async throws
        -> ManagedClusterRecord?
    {
        try await connection.records(
            ManagedClusterRecord.self, "SELECT body FROM clusters WHERE key = \(key)", logger: logger
        )
        .first
    }

    public func clusters(subscription: String, resourceGroup: String?, limit: Int, offset: Int) async throws
        -> [ManagedClusterRecord]
    {
        let query: PostgresQuery =
            if let resourceGroup {
                """
                SELECT body FROM clusters WHERE subscription = \(subscription.lowercased())
                AND resource_group = \(resourceGroup.lowercased()) ORDER BY name COLLATE "C" LIMIT \(limit) OFFSET \(offset)
                """
            } else {
                """
                SELECT body FROM clusters WHERE subscription = \(subscription.lowercased())
                ORDER BY name COLLATE "C" LIMIT \(limit) OFFSET \(offset)
                """
            }
        return try await withConnection { connection in
            try await connection.records(ManagedClusterRecord.self, query, logger: logger)
        }
    }

    public func clusterCount() async throws -> Int {
        try await withConnection { connection in
            var count = 0
            for try await value in try await connection.query(
                "SELECT COUNT(*) FROM clusters", logger: logger
            ).decode(Int.self) {
                count = value
            }
            return count
        }
    }

    public func agentPools(of cluster: ClusterID) async throws -> [AgentPoolRecord] {
        try await withConnection { connection in
            try await connection.records(
                AgentPoolRecord.self,
                "SELECT body FROM agent_pools WHERE cluster_key = \(cluster.key) ORDER BY created, key COLLATE \"C\"",
                logger: logger)
        }
    }

    public func agentPools(ofClusters clusters: [ClusterID]) async throws -> [String: [AgentPoolRecord]] {
        guard !clusters.isEmpty else { return [:] }
        let keys = clusters.map(\.key)
        let pools = try await withConnection { connection in
            try await connection.records(
                AgentPoolRecord.self,
                "SELECT body FROM agent_pools WHERE cluster_key = ANY(\(keys)) ORDER BY created, key COLLATE \"C\"",
                logger: logger)
        }
        return Dictionary(grouping: pools) { $0.id.cluster.key }
    }

    public func agentPool(_ id: AgentPoolID) async throws -> AgentPoolRecord? {
        try await withConnection { connection in
            try await connection.records(
                AgentPoolRecord.self, "SELECT body FROM agent_pools WHERE key = \(id.key)", logger: logger
            )
            .first
        }
    }

    public func commit(_ commit: ClusterCommit, for id: ClusterID) async throws {
        do {
            try await transaction { connection in try await apply(commit, for: id, on: connection) }
        } catch let error as PSQLError
            where error.isUniqueViolation(of: PostgresSchema.oneInProgressIndex)
        {
            // Only reachable if a writer bypassed the per-cluster lock; the index still keeps one operation.
            let active = try await activeOperation(on: id) ?? commit.operation
            throw ServiceError.operationInProgress(
                resource: id.name, operation: active?.kind.displayName ?? "")
        }
    }

    /// The body of `commit`: the same steps as SQLite, after taking a per-cluster lock so that
    /// replicas committing to one cluster at once see each other's writes (SQLite has one writer).
    private func apply(_ commit: ClusterCommit, for id: ClusterID, on connection: PostgresConnection)
        async throws
    {
        try await lockCluster(id, on: connection)
        let existing = try await Self.cluster(connection, key: id.key, logger: logger)
        try CommitPreconditions.check(commit, existing: existing, id: id)
        if commit.operation != nil,
            let active = try await Self.activeOperation(connection, clusterKey: id.key, logger: logger)
        {
            throw ServiceError.operationInProgress(resource: id.name, operation: active.kind.displayName)
        }
        if let cluster = commit.cluster {
            let body = try RecordCoding.encode(cluster)
            try await connection.execute(
                """
                INSERT INTO clusters(key, subscription, resource_group, name, body)
                VALUES (\(id.key), \(id.subscription.lowercased()), \(id.resourceGroup.lowercased()), \(id.name.lowercased()), \(body))
                ON CONFLICT(key) DO UPDATE SET body = excluded.body
                """, logger: logger)
        }
        for pool in commit.pools {
            let body = try RecordCoding.encode(pool)
            try await connection.execute(
                """
                INSERT INTO agent_pools(key, cluster_key, created, body)
                VALUES (\(pool.id.key), \(id.key), \(pool.createdAt.timeIntervalSince1970), \(body))
                ON CONFLICT(key) DO UPDATE SET body = excluded.body
                """, logger: logger)
        }
        for name in commit.removedPools {
            let key = AgentPoolID(cluster: id, name: name).key
            try await connection.execute("DELETE FROM agent_pools WHERE key = \(key)", logger: logger)
        }
        if let operation = commit.operation {
            try await Self.insert(connection, operation: operation, logger: logger)
        }
        try await Self.insert(connection, events: commit.events, logger: logger)
    }

    public func deleteCluster(_ id: ClusterID) async throws {
        try await transaction { connection in
            try await lockCluster(id, on: connection)
            try await connection.execute(
                "DELETE FROM agent_pools WHERE cluster_key = \(id.key)", logger: logger)
            try await connection.execute("DELETE FROM clusters WHERE key = \(id.key)", logger: logger)
        }
    }

    /// Serialises writers of one cluster across replicas until the transaction ends. The lock is
    /// keyed by schema and cluster so that it holds even before the cluster row exists.
    private func lockCluster(_ id: ClusterID, on connection: PostgresConnection) async throws {
        try await connection.execute(
            """
            SELECT pg_advisory_xact_lock(\(PostgresSchema.LockClass.clusterCommit),
                hashtext(coalesce(current_schema(), '') || \(id.key)))
            """, logger: logger)
    }
}
