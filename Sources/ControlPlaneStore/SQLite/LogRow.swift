import Foundation
import GRDB

/// One row of the `kv` log: a put or a deletion of one key at one revision.
struct LogRow: Sendable {
    var id: Int64
    var revision: Int64
    var name: String
    var deleted: Bool
    var createRevision: Int64
    var prevRevision: Int64
    var version: Int64
    var lease: Int64
    var value: [UInt8]
    var oldValue: [UInt8]
    var oldVersion: Int64
    var oldLease: Int64

    init(row: Row) {
        id = row["id"]
        revision = row["revision"]
        name = row["name"]
        deleted = row["deleted"]
        createRevision = row["create_revision"]
        prevRevision = row["prev_revision"]
        version = row["version"]
        lease = row["lease"]
        value = Array((row["value"] as Data?) ?? Data())
        oldValue = Array((row["old_value"] as Data?) ?? Data())
        oldVersion = row["old_version"]
        oldLease = row["old_lease"]
    }

    /// The key-value this row makes visible (meaningful for puts).
    var keyValue: KeyValue {
        KeyValue(
            key: name, value: value, createRevision: createRevision, modRevision: revision, version: version,
            lease: lease)
    }

    /// The key-value this row replaced or deleted, nil when it created the key.
    var previous: KeyValue? {
        guard prevRevision != 0 else { return nil }
        return KeyValue(
            key: name, value: oldValue, createRevision: createRevision, modRevision: prevRevision,
            version: oldVersion, lease: oldLease)
    }

    /// The watch event for this row; a deletion carries only the key and its revision, as etcd's.
    var event: WatchEvent {
        if deleted {
            let kv = KeyValue(key: name, value: [], createRevision: 0, modRevision: revision, version: 0)
            return WatchEvent(kind: .delete, kv: kv, prevKV: previous)
        }
        return WatchEvent(kind: .put, kv: keyValue, prevKV: previous)
    }

    /// Appends a row to the log.
    static func insert(
        _ db: Database, revision: Int64, name: String, deleted: Bool, current: KeyValue?, value: [UInt8],
        version: Int64, lease: Int64, createRevision: Int64
    ) throws -> LogRow {
        try db.cachedStatement(
            sql: """
                INSERT INTO kv(revision, name, created, deleted, create_revision, prev_revision, version, lease,
                               value, old_value, old_version, old_lease)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                revision, name, current == nil, deleted, createRevision, current?.modRevision ?? 0, version, lease,
                Data(value), Data(current?.value ?? []), current?.version ?? 0, current?.lease ?? 0,
            ])
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM kv WHERE id = ?"), arguments: [db.lastInsertedRowID])
        guard let row else { throw DatastoreError.unavailable("inserted log row vanished") }
        return LogRow(row: row)
    }
}
