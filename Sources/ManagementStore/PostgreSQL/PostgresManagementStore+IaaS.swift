import Core
import Foundation
import Logging
import PostgresNIO

// The simulated IaaS resources, as `SQLiteManagementStore` stores them. A commit takes one
// advisory lock per resource group it touches (in sorted order, so two commits never deadlock),
// which serialises writers across replicas before the preconditions are checked.
extension PostgresManagementStore {
    public func iaasResource(_ id: String) async throws -> IaaSResourceRecord? {
        try await withConnection { connection in
            try await connection.records(
                IaaSResourceRecord.self, "SELECT body FROM iaas_resources WHERE key = \(id.lowercased())", logger: logger
            ).first
        }
    }

    public func iaasResources(subscription: String, resourceGroup: String?, type: String?) async throws -> [IaaSResourceRecord] {
        // NULL parameters mean "any"; keys sort bytewise as in SQLite.
        let query: PostgresQuery = """
            SELECT body FROM iaas_resources WHERE subscription = \(subscription.lowercased())
            AND (\(resourceGroup?.lowercased())::TEXT IS NULL OR resource_group = \(resourceGroup?.lowercased()))
            AND (\(type?.lowercased())::TEXT IS NULL OR type = \(type?.lowercased()))
            ORDER BY key COLLATE "C"
            """
        return try await withConnection { connection in
            try await connection.records(IaaSResourceRecord.self, query, logger: logger)
        }
    }

    public func commitIaaS(_ commit: IaaSCommit) async throws {
        try await transaction { connection in
            for scope in commit.scopes {
                try await connection.execute(
                    """
                    SELECT pg_advisory_xact_lock(\(PostgresSchema.LockClass.iaasCommit),
                        hashtext(coalesce(current_schema(), '') || \(scope)))
                    """, logger: logger)
            }
            for write in commit.writes {
                let stored = try await storedETag(write.record.key, on: connection)
                try IaaSCommit.check(write.expected, id: write.record.id, stored: stored)
            }
            for delete in commit.deletes {
                let stored = try await storedETag(delete.id.lowercased(), on: connection)
                try IaaSCommit.check(delete.expected, id: delete.id, stored: stored)
            }
            for write in commit.writes {
                let record = write.record
                let body = try RecordCoding.encode(record)
                try await connection.execute(
                    """
                    INSERT INTO iaas_resources(key, subscription, resource_group, type, etag, body)
                    VALUES (\(record.key), \(record.subscription.lowercased()), \(record.resourceGroup.lowercased()),
                        \(record.type.lowercased()), \(record.eTag), \(body))
                    ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, body = excluded.body
                    """, logger: logger)
            }
            for delete in commit.deletes {
                try await connection.execute("DELETE FROM iaas_resources WHERE key = \(delete.id.lowercased())", logger: logger)
            }
        }
    }

    public func deleteIaaSResources(subscription: String, resourceGroup: String) async throws -> Int {
        let scope = "\(subscription)/\(resourceGroup)".lowercased()
        return try await transaction { connection in
            try await connection.execute(
                """
                SELECT pg_advisory_xact_lock(\(PostgresSchema.LockClass.iaasCommit),
                    hashtext(coalesce(current_schema(), '') || \(scope)))
                """, logger: logger)
            var count = 0
            let rows = try await connection.query(
                """
                DELETE FROM iaas_resources WHERE subscription = \(subscription.lowercased())
                AND resource_group = \(resourceGroup.lowercased()) RETURNING key
                """, logger: logger)
            for try await _ in rows { count += 1 }
            return count
        }
    }

    private func storedETag(_ key: String, on connection: PostgresConnection) async throws -> String? {
        var found: String?
        for try await etag in try await connection.query(
            "SELECT etag FROM iaas_resources WHERE key = \(key)", logger: logger
        ).decode(String.self) {
            found = etag
        }
        return found
    }
}
