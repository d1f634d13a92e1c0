import Foundation
import GRDB

/// One write transaction on the log: every change it makes shares the revision after the
/// current one, which is taken only if something was written (etcd: one revision per write).
struct LogWrite {
    let db: Database
    let current: Int64
    private(set) var events: [WatchEvent] = []

    init(_ db: Database) throws {
        self.db = db
        self.current = try KVLog.currentRevision(db)
    }

    var revision: Int64 { current + 1 }
    /// The store's revision once this write commits.
    var resultRevision: Int64 { events.isEmpty ? current : revision }

    /// Puts `value` at `key`; returns the value it replaced.
    mutating func put(key: String, value: [UInt8], lease: Int64) throws -> KeyValue? {
        if lease != 0 {
            let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM leases WHERE id = ?"), arguments: [lease]) ?? false
            if !exists { throw DatastoreError.leaseNotFound(lease) }
        }
        let previous = try KVLog.latest(db, key: key)
        let row = try LogRow.insert(
            db, revision: revision, name: key, deleted: false, current: previous, value: value,
            version: (previous?.version ?? 0) + 1, lease: lease, createRevision: previous?.createRevision ?? revision)
        events.append(row.event)
        return previous
    }

    /// Deletes `key` or `[key, rangeEnd)`; returns the deleted key-values.
    mutating func delete(key: String, rangeEnd: String?) throws -> [KeyValue] {
        let existing = try KVLog.range(db, RangeRequest(key: key, rangeEnd: rangeEnd), writeRevision: revision).kvs
        for kv in existing {
            let row = try LogRow.insert(
                db, revision: revision, name: kv.key, deleted: true, current: kv, value: [], version: 0, lease: 0,
                createRevision: kv.createRevision)
            events.append(row.event)
        }
        return existing
    }

    /// Whether a transaction's condition holds (a missing key has revisions and version 0, and
    /// fails every value comparison, as in etcd).
    func holds(_ compare: Compare) throws -> Bool {
        switch compare {
        case .modRevision(let key, let result, let target):
            return try Self.compare(KVLog.latest(db, key: key)?.modRevision ?? 0, result, target)
        case .createRevision(let key, let result, let target):
            return try Self.compare(KVLog.latest(db, key: key)?.createRevision ?? 0, result, target)
        case .version(let key, let result, let target):
            return try Self.compare(KVLog.latest(db, key: key)?.version ?? 0, result, target)
        case .value(let key, let result, let target):
            guard let kv = try KVLog.latest(db, key: key) else { return false }
            switch result {
            case .equal: return kv.value == target
            case .notEqual: return kv.value != target
            case .less: return kv.value.lexicographicallyPrecedes(target)
            case .greater: return target.lexicographicallyPrecedes(kv.value)
            }
        }
    }

    private static func compare(_ actual: Int64, _ result: CompareResult, _ target: Int64) -> Bool {
        switch result {
        case .equal: return actual == target
        case .notEqual: return actual != target
        case .less: return actual < target
        case .greater: return actual > target
        }
    }

    /// Applies one step of a transaction.
    mutating func apply(_ operation: TxnOperation) throws -> TxnResult {
        switch operation {
        case .put(let key, let value, let lease):
            return .put(previous: try put(key: key, value: value, lease: lease))
        case .delete(let key, let rangeEnd):
            return .delete(deleted: try delete(key: key, rangeEnd: rangeEnd))
        case .range(let request):
            var response = try KVLog.range(db, request, writeRevision: resultRevision)
            if request.revision == 0 { response.revision = resultRevision }
            return .range(response)
        }
    }

    /// Records the new revision; call last, before commit.
    func finish() throws {
        if !events.isEmpty { try KVLog.setMeta(db, "revision", revision) }
    }
}
