import Core
import Foundation
import GRDB

// The simulated IaaS resources: one generic table, every commit in one write transaction
// (SQLite has one writer, so preconditions checked inside it cannot race).
extension SQLiteManagementStore {
    public func iaasResource(_ id: String) async throws -> IaaSResourceRecord? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM iaas_resources WHERE key = ?", arguments: [id.lowercased()])
                .map { try RecordCoding.decode(IaaSResourceRecord.self, from: $0) }
        }
    }

    public func iaasResources(subscription: String, resourceGroup: String?, type: String?) async throws -> [IaaSResourceRecord] {
        var sql = "SELECT body FROM iaas_resources WHERE subscription = ?"
        var arguments: [String] = [subscription.lowercased()]
        if let resourceGroup {
            sql += " AND resource_group = ?"
            arguments.append(resourceGroup.lowercased())
        }
        if let type {
            sql += " AND type = ?"
            arguments.append(type.lowercased())
        }
        sql += " ORDER BY key"
        return try await pool.read { [sql, arguments] db in
            try String.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
                .map { try RecordCoding.decode(IaaSResourceRecord.self, from: $0) }
        }
    }

    public func commitIaaS(_ commit: IaaSCommit) async throws {
        try await pool.write { db in
            for write in commit.writes {
                let stored = try String.fetchOne(db, sql: "SELECT etag FROM iaas_resources WHERE key = ?", arguments: [write.record.key])
                try IaaSCommit.check(write.expected, id: write.record.id, stored: stored)
            }
            for delete in commit.deletes {
                let stored = try String.fetchOne(db, sql: "SELECT etag FROM iaas_resources WHERE key = ?", arguments: [delete.id.lowercased()])
                try IaaSCommit.check(delete.expected, id: delete.id, stored: stored)
            }
            for write in commit.writes {
                let record = write.record
                try db.execute(
                    sql: """
                        INSERT INTO iaas_resources(key, subscription, resource_group, type, etag, body) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, body = excluded.body
                        """,
                    arguments: [
                        record.key, record.subscription.lowercased(), record.resourceGroup.lowercased(), record.type.lowercased(),
                        record.eTag, try RecordCoding.encode(record),
                    ])
            }
            for delete in commit.deletes {
                try db.execute(sql: "DELETE FROM iaas_resources WHERE key = ?", arguments: [delete.id.lowercased()])
            }
        }
    }

    public func deleteIaaSResources(subscription: String, resourceGroup: String) async throws -> Int {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM iaas_resources WHERE subscription = ? AND resource_group = ?",
                arguments: [subscription.lowercased(), resourceGroup.lowercased()])
            return db.changesCount
        }
    }
}
