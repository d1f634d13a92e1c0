import Core
import Foundation
import GRDB

/// The embedded management store: one SQLite file in the data dir (WAL), through GRDB.
public final class SQLiteManagementStore: ManagementStore {
    let pool: DatabasePool

    /// Opens (and migrates) the database at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: SQLiteSchema.v1)
        }
        migrator.registerMigration("iaas-resources") { db in
            try db.execute(sql: SQLiteSchema.iaas)
        }
        migrator.registerMigration("findings") { db in
            try db.execute(sql: SQLiteSchema.findings)
        }
        return migrator
    }

    // MARK: Subscriptions and credentials

    public func subscription(_ id: String) async throws -> SubscriptionRecord? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM subscriptions WHERE id = ?", arguments: [id.lowercased()])
                .map { try RecordCoding.decode(SubscriptionRecord.self, from: $0) }
        }
    }

    public func subscriptions(tenantID: String?) async throws -> [SubscriptionRecord] {
        try await pool.read { db in
            let rows: [String]
            if let tenantID {
                rows = try String.fetchAll(db, sql: "SELECT body FROM subscriptions WHERE tenant_id = ? ORDER BY id", arguments: [tenantID])
            } else {
                rows = try String.fetchAll(db, sql: "SELECT body FROM subscriptions ORDER BY id")
            }
            return try rows.map { try RecordCoding.decode(SubscriptionRecord.self, from: $0) }
        }
    }

    public func saveSubscription(_ record: SubscriptionRecord) async throws {
        let body = try RecordCoding.encode(record)
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO subscriptions(id, tenant_id, body) VALUES (?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET tenant_id = excluded.tenant_id, body = excluded.body
                    """,
                arguments: [record.id.lowercased(), record.tenantID, body])
        }
    }

    public func grant(_ id: String) async throws -> TokenGrant? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM grants WHERE id = ?", arguments: [id])
                .map { try RecordCoding.decode(TokenGrant.self, from: $0) }
        }
    }

    public func saveGrant(_ grant: TokenGrant) async throws {
        let body = try RecordCoding.encode(grant)
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO grants(id, body) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body",
                arguments: [grant.id, body])
        }
    }

    // MARK: Clusters and pools

    public func cluster(_ id: ClusterID) async throws -> ManagedClusterRecord? {
        try await pool.read { db in try Self.cluster(db, key: id.key) }
    }

    static func cluster(_ db: Database, key: String) throws -> ManagedClusterRecord? {
        try String.fetchOne(db, sql: "SELECT body FROM clusters WHERE key = ?", arguments: [key])
            .map { try RecordCoding.decode(ManagedClusterRecord.self, from: $0) }
    }

    public func clusters(subscription: String, resourceGroup: String?, limit: Int, offset: Int) async throws -> [ManagedClusterRecord] {
        try await pool.read { db in
            let rows: [String]
            if let resourceGroup {
                rows = try String.fetchAll(
                    db, sql: "SELECT body FROM clusters WHERE subscription = ? AND resource_group = ? ORDER BY name LIMIT ? OFFSET ?",
                    arguments: [subscription.lowercased(), resourceGroup.lowercased(), limit, offset])
            } else {
                rows = try String.fetchAll(
                    db, sql: "SELECT body FROM clusters WHERE subscription = ? ORDER BY name LIMIT ? OFFSET ?",
                    arguments: [subscription.lowercased(), limit, offset])
            }
            return try rows.map { try RecordCoding.decode(ManagedClusterRecord.self, from: $0) }
        }
    }

    public func clusterCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM clusters") ?? 0 }
    }

    public func agentPools(of cluster: ClusterID) async throws -> [AgentPoolRecord] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM agent_pools WHERE cluster_key = ? ORDER BY created, key", arguments: [cluster.key])
                .map { try RecordCoding.decode(AgentPoolRecord.self, from: $0) }
        }
    }

    public func agentPools(ofClusters clusters: [ClusterID]) async throws -> [String: [AgentPoolRecord]] {
        guard !clusters.isEmpty else { return [:] }
        return try await pool.read { db in
            let marks = Array(repeating: "?", count: clusters.count).joined(separator: ", ")
            let rows = try String.fetchAll(
                db, sql: "SELECT body FROM agent_pools WHERE cluster_key IN (\(marks)) ORDER BY created, key",
                arguments: StatementArguments(clusters.map(\.key)))
            return try Dictionary(grouping: rows.map { try RecordCoding.decode(AgentPoolRecord.self, from: $0) }) { $0.id.cluster.key }
        }
    }

    public func agentPool(_ id: AgentPoolID) async throws -> AgentPoolRecord? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM agent_pools WHERE key = ?", arguments: [id.key])
                .map { try RecordCoding.decode(AgentPoolRecord.self, from: $0) }
        }
    }

    public func commit(_ commit: ClusterCommit, for id: ClusterID) async throws {
        try await pool.write { db in
            let existing = try Self.cluster(db, key: id.key)
            try CommitPreconditions.check(commit, existing: existing, id: id)
            if commit.operation != nil, let active = try Self.activeOperation(db, clusterKey: id.key) {
                throw ServiceError.operationInProgress(resource: id.name, operation: active.kind.displayName)
            }
            if let cluster = commit.cluster {
                try db.execute(
                    sql: """
                        INSERT INTO clusters(key, subscription, resource_group, name, body) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(key) DO UPDATE SET body = excluded.body
                        """,
                    arguments: [
                        id.key, id.subscription.lowercased(), id.resourceGroup.lowercased(), id.name.lowercased(),
                        try RecordCoding.encode(cluster),
                    ])
            }
            for pool in commit.pools {
                try db.execute(
                    sql: """
                        INSERT INTO agent_pools(key, cluster_key, created, body) VALUES (?, ?, ?, ?)
                        ON CONFLICT(key) DO UPDATE SET body = excluded.body
                        """,
                    arguments: [pool.id.key, id.key, pool.createdAt.timeIntervalSince1970, try RecordCoding.encode(pool)])
            }
            for name in commit.removedPools {
                try db.execute(sql: "DELETE FROM agent_pools WHERE key = ?", arguments: [AgentPoolID(cluster: id, name: name).key])
            }
            if let operation = commit.operation {
                try Self.insert(db, operation: operation)
            }
            try Self.insert(db, events: commit.events)
        }
    }

    public func deleteCluster(_ id: ClusterID) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM agent_pools WHERE cluster_key = ?", arguments: [id.key])
            try db.execute(sql: "DELETE FROM clusters WHERE key = ?", arguments: [id.key])
        }
    }

    // MARK: Events

    public func appendEvents(_ events: [EventRecord]) async throws {
        guard !events.isEmpty else { return }
        try await pool.write { db in try Self.insert(db, events: events) }
    }

    static func insert(_ db: Database, events: [EventRecord]) throws {
        for event in events {
            try db.execute(
                sql: "INSERT INTO events(resource_key, time, body) VALUES (?, ?, ?)",
                arguments: [event.resourceKey, event.time.timeIntervalSince1970, try RecordCoding.encode(event)])
        }
    }

    public func events(resourceKey: String, limit: Int) async throws -> [EventRecord] {
        try await pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT body FROM events WHERE resource_key = ? ORDER BY seq DESC LIMIT ?", arguments: [resourceKey, limit]
            ).reversed().map { try RecordCoding.decode(EventRecord.self, from: $0) }
        }
    }
}
