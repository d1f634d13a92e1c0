import Foundation
import PostgresNIO

// Policy findings, as `SQLiteManagementStore` stores them.
extension PostgresManagementStore {
    public func findings(cluster key: String) async throws -> [FindingRecord] {
        try await withConnection { connection in
            try await connection.records(
                FindingRecord.self, "SELECT body FROM findings WHERE cluster_key = \(key.lowercased()) ORDER BY id COLLATE \"C\"", logger: logger)
        }
    }

    public func replaceFindings(cluster key: String, with findings: [FindingRecord]) async throws {
        let rows = try findings.map { ($0.id, try RecordCoding.encode($0)) }
        try await transaction { connection in
            try await connection.execute("DELETE FROM findings WHERE cluster_key = \(key.lowercased())", logger: logger)
            for (id, body) in rows {
                try await connection.execute(
                    """
                    INSERT INTO findings(cluster_key, id, body) VALUES (\(key.lowercased()), \(id), \(body))
                    ON CONFLICT(cluster_key, id) DO UPDATE SET body = excluded.body
                    """, logger: logger)
            }
        }
    }
}
