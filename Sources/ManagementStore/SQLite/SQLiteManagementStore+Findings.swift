import Foundation
import GRDB

// Policy findings: the current set per cluster, replaced as a whole by each evaluation.
extension SQLiteManagementStore {
    public func findings(cluster key: String) async throws -> [FindingRecord] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM findings WHERE cluster_key = ? ORDER BY id", arguments: [key.lowercased()])
                .map { try RecordCoding.decode(FindingRecord.self, from: $0) }
        }
    }

    public func replaceFindings(cluster key: String, with findings: [FindingRecord]) async throws {
        let rows = try findings.map { ($0.id, try RecordCoding.encode($0)) }
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM findings WHERE cluster_key = ?", arguments: [key.lowercased()])
            for (id, body) in rows {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO findings(cluster_key, id, body) VALUES (?, ?, ?)", arguments: [key.lowercased(), id, body])
            }
        }
    }
}
