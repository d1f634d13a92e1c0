import Core
import Foundation
import GRDB
import Synchronization

/// The embedded datastore: one SQLite file per cluster (WAL) holding kine's single log table,
/// with watches fed by an in-process hub and leases expired on the injected clock.
public final class SQLiteDatastore: Datastore {
    struct State {
        var closed = false
        /// Lease id -> expiry instant, mirrored from the `leases` table by the writer.
        var leaseDeadlines: [Int64: Date] = [:]
    }

    let pool: DatabasePool
    let clock: any TimeSource
    let hub = WatchHub()
    let state = Mutex(State())
    let timer: LeaseTimer

    private init(pool: DatabasePool, clock: any TimeSource) throws {
        self.pool = pool
        self.clock = clock
        self.timer = LeaseTimer(clock: clock)
        let deadlines = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, expires_at FROM leases").reduce(into: [Int64: Date]()) {
                $0[$1["id"]] = Date(timeIntervalSince1970: $1["expires_at"])
            }
        }
        state.withLock { $0.leaseDeadlines = deadlines }
        timer.onFire { [weak self] in
            await self?.timerFired()
        }
        rescheduleTimer()
    }

    /// Opens (creating and migrating when new) the datastore file at `path`.
    public static func open(path: String, clock: any TimeSource) throws -> SQLiteDatastore {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try SQLiteSchema.migrator.migrate(pool)
        return try SQLiteDatastore(pool: pool, clock: clock)
    }

    /// Makes a working datastore at `path` (which must not exist) from a `snapshot(to:)` file.
    public static func restore(from snapshot: String, to path: String, clock: any TimeSource) throws
        -> SQLiteDatastore
    {
        let files = FileManager.default
        guard !files.fileExists(atPath: path) else {
            throw DatastoreError.unavailable("restore target \(path) already exists")
        }
        try files.copyItem(atPath: snapshot, toPath: path)
        return try open(path: path, clock: clock)
    }

    // MARK: Guards

    /// Runs a call: refuses when closed, expires due leases first, maps database failures.
    func serve<T>(_ body: () async throws -> T) async throws -> T {
        try checkOpen()
        do {
            try await expireDueLeases()
            return try await body()
        } catch let error as DatastoreError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if state.withLock({ $0.closed }) { throw DatastoreError.closed }
            throw DatastoreError.unavailable("\(error)")
        }
    }

    func checkOpen() throws {
        if state.withLock({ $0.closed }) { throw DatastoreError.closed }
    }

    // MARK: Datastore

    public func currentRevision() async throws -> Int64 {
        try await serve { try await pool.read { try KVLog.currentRevision($0) } }
    }

    public func range(_ request: RangeRequest) async throws -> RangeResponse {
        try await serve { try await pool.read { try KVLog.range($0, request) } }
    }

    public func txn(_ request: TxnRequest) async throws -> TxnResponse {
        try await serve {
            try await write { db in
                var log = try LogWrite(db)
                var succeeded = true
                for compare in request.compare {
                    guard try log.holds(compare) else {
                        succeeded = false
                        break
                    }
                }
                var results: [TxnResult] = []
                for operation in succeeded ? request.success : request.failure {
                    results.append(try log.apply(operation))
                }
                return (TxnResponse(succeeded: succeeded, revision: log.resultRevision, results: results), log)
            }
        }
    }

    public func compact(revision: Int64) async throws {
        try await serve {
            try await pool.write { db in
                let current = try KVLog.currentRevision(db)
                if revision > current { throw DatastoreError.futureRevision(requested: revision, current: current) }
                let compacted = try KVLog.compactRevision(db)
                if revision <= compacted { throw DatastoreError.compacted(compactRevision: compacted) }
                // Superseded rows and deletions at or below the point; each key's newest live row stays.
                try db.execute(
                    sql: """
                        DELETE FROM kv WHERE revision <= ?1 AND (deleted = 1 OR id < (
                          SELECT MAX(newer.id) FROM kv AS newer WHERE newer.name = kv.name AND newer.revision <= ?1))
                        """,
                    arguments: [revision])
                try KVLog.setMeta(db, "compact_revision", revision)
            }
        }
    }

    public func compactedRevision() async throws -> Int64 {
        try await serve { try await pool.read { try KVLog.compactRevision($0) } }
    }

    public func snapshot(to path: String) async throws {
        try await serve {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            // VACUUM INTO copies a consistent snapshot; it cannot run inside a transaction.
            try await pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [path])
            }
        }
    }

    public func close() async throws {
        let wasOpen = state.withLock { s -> Bool in
            defer { s.closed = true }
            return !s.closed
        }
        guard wasOpen else { return }
        timer.close()
        hub.close()
        try pool.close()
    }

    // MARK: Writes

    /// Runs `body` in one write transaction, then publishes its events in commit order.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> (T, LogWrite)) async throws -> T {
        try await pool.writeWithoutTransaction { db in
            var outcome: (T, LogWrite)?
            try db.inTransaction {
                let result = try body(db)
                try result.1.finish()
                outcome = result
                return .commit
            }
            guard let (value, log) = outcome else { throw DatastoreError.unavailable("write did not run") }
            self.hub.publish(revision: log.revision, events: log.events)
            return value
        }
    }
}
