import Foundation
import GRDB

/// Reads of the `kv` log inside one database transaction (a read snapshot or the write).
enum KVLog {
    /// The newest revision written (kept in `meta`, since compaction may remove the newest rows).
    static func currentRevision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE name = 'revision'")) ?? 0
    }

    static func compactRevision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE name = 'compact_revision'")) ?? 0
    }

    static func setMeta(_ db: Database, _ name: String, _ value: Int64) throws {
        try db.cachedStatement(sql: "UPDATE meta SET value = ? WHERE name = ?").execute(arguments: [value, name])
    }

    /// The key's live value now, nil when it does not exist.
    static func latest(_ db: Database, key: String) throws -> KeyValue? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM kv WHERE name = ? ORDER BY id DESC LIMIT 1"), arguments: [key])
        guard let row else { return nil }
        let logRow = LogRow(row: row)
        return logRow.deleted ? nil : logRow.keyValue
    }

    /// `name` conditions for one key or `[key, rangeEnd)` (`"\0"` = every key from `key`).
    static func keyCondition(key: String, rangeEnd: String?) -> (sql: String, arguments: StatementArguments) {
        guard let rangeEnd else { return ("name = ?", [key]) }
        if rangeEnd == "\0" { return ("name >= ?", [key]) }
        return ("name >= ? AND name < ?", [key, rangeEnd])
    }

    /// Serves a range read. `writeRevision` is the revision a write in progress is producing:
    /// a range inside a txn sees the txn's earlier writes.
    static func range(_ db: Database, _ request: RangeRequest, writeRevision: Int64? = nil) throws -> RangeResponse {
        let current = try writeRevision ?? currentRevision(db)
        var revision = current
        if request.revision > 0 {
            if request.revision > current {
                throw DatastoreError.futureRevision(requested: request.revision, current: current)
            }
            let compacted = try compactRevision(db)
            if request.revision < compacted { throw DatastoreError.compacted(compactRevision: compacted) }
            revision = request.revision
        }
        let condition = keyCondition(key: request.key, rangeEnd: request.rangeEnd)
        let newest = """
            FROM kv WHERE deleted = 0 AND id IN
              (SELECT MAX(id) FROM kv WHERE \(condition.sql) AND revision <= ? GROUP BY name)
            """
        var arguments = condition.arguments
        arguments += [revision]
        let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) \(newest)"), arguments: arguments) ?? 0
        if request.countOnly {
            return RangeResponse(kvs: [], count: count, more: false, revision: revision)
        }
        var sql = "SELECT * \(newest) ORDER BY name"
        if request.limit > 0 {
            sql += " LIMIT ?"
            arguments += [request.limit]
        }
        let kvs = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { LogRow(row: $0).keyValue }
        return RangeResponse(kvs: kvs, count: count, more: kvs.count < count, revision: revision)
    }

    /// Events after `afterRevision` for the watched keys, in order, and the revision they reach.
    static func history(_ db: Database, _ request: WatchRequest) throws -> (events: [WatchEvent], through: Int64) {
        let current = try currentRevision(db)
        guard request.afterRevision > 0 else { return ([], current) }
        let compacted = try compactRevision(db)
        if request.afterRevision < compacted { throw DatastoreError.compacted(compactRevision: compacted) }
        let condition = keyCondition(key: request.key, rangeEnd: request.rangeEnd)
        var arguments = condition.arguments
        arguments += [request.afterRevision]
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM kv WHERE \(condition.sql) AND revision > ? ORDER BY id"), arguments: arguments)
        return (rows.map { LogRow(row: $0).event }, max(current, request.afterRevision))
    }

    /// The live keys attached to a lease.
    static func keys(_ db: Database, lease: Int64) throws -> [String] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT name, id FROM kv WHERE lease = ? AND deleted = 0"), arguments: [lease])
        var keys: [String] = []
        for row in rows {
            let name: String = row["name"]
            let id: Int64 = row["id"]
            let newest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM kv WHERE name = ?"), arguments: [name])
            if newest == id { keys.append(name) }
        }
        return keys
    }
}
