import Core
import PostgresNIO

// Subscriptions and credentials, as `SQLiteManagementStore` stores them.
extension PostgresManagementStore {
    public func subscription(_ id: String) async throws -> SubscriptionRecord? {
        try await withConnection { connection in
            try await connection.records(
                SubscriptionRecord.self, "SELECT body FROM subscriptions WHERE id = \(id.lowercased())",
                logger: logger
            ).first
        }
    }

    public func subscriptions(tenantID: String?) async throws -> [SubscriptionRecord] {
        // COLLATE "C" orders bytewise, as SQLite does.
        let query: PostgresQuery =
            if let tenantID {
                "SELECT body FROM subscriptions WHERE tenant_id = \(tenantID) ORDER BY id COLLATE \"C\""
            } else {
                "SELECT body FROM subscriptions ORDER BY id COLLATE \"C\""
            }
        return try await withConnection { connection in
            try await connection.records(SubscriptionRecord.self, query, logger: logger)
        }
    }

    public func saveSubscription(_ record: SubscriptionRecord) async throws {
        let body = try RecordCoding.encode(record)
        try await withConnection { connection in
            try await connection.execute(
                """
                INSERT INTO subscriptions(id, tenant_id, body) VALUES (\(record.id.lowercased()), \(record.tenantID), \(body))
                ON CONFLICT(id) DO UPDATE SET tenant_id = excluded.tenant_id, body = excluded.body
                """, logger: logger)
        }
    }

    public func grant(_ id: String) async throws -> TokenGrant? {
        try await withConnection { connection in
            try await connection.records(
                TokenGrant.self, "SELECT body FROM grants WHERE id = \(id)", logger: logger
            ).first
        }
    }

    public func saveGrant(_ grant: TokenGrant) async throws {
        let body = try RecordCoding.encode(grant)
        try await withConnection { connection in
            try await connection.execute(
                "INSERT INTO grants(id, body) VALUES (\(grant.id), \(body)) ON CONFLICT(id) DO UPDATE SET body = excluded.body",
                logger: logger)
        }
    }
}
