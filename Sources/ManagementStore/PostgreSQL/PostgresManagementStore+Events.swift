import Logging
import PostgresNIO

// Events, appended in order; a resource's latest `limit` are read back oldest first.
extension PostgresManagementStore {
    public func appendEvents(_ events: [EventRecord]) async throws {
        guard !events.isEmpty else { return }
        try await transaction { connection in
            try await Self.insert(connection, events: events, logger: logger)
        }
    }

    static func insert(_ connection: PostgresConnection, events: [EventRecord], logger: Logger)
        async throws
    {
        for event in events {
            let body = try RecordCoding.encode(event)
            try await connection.execute(
                "INSERT INTO events(resource_key, time, body) VALUES (\(event.resourceKey), \(event.time.timeIntervalSince1970), \(body))",
                logger: logger)
        }
    }

    public func events(resourceKey: String, limit: Int) async throws -> [EventRecord] {
        // SQLite reads a negative LIMIT as "no limit"; PostgreSQL spells that LIMIT NULL.
        let limit: Int? = limit < 0 ? nil : limit
        return try await withConnection { connection in
            try await connection.records(
                EventRecord.self,
                "SELECT body FROM events WHERE resource_key = \(resourceKey) ORDER BY seq DESC LIMIT \(limit)",
                logger: logger
            ).reversed()
        }
    }
}
