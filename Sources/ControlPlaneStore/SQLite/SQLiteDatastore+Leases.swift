import Core
import Foundation
import GRDB

/// Leases: deadlines on the injected clock, persisted in `leases` and mirrored in memory so
/// every call can expire due leases cheaply before it is served.
extension SQLiteDatastore {
    public func grantLease(ttl: Int64) async throws -> Lease {
        try await serve {
            let lease = try await pool.write { db in
                let expires = self.clock.now().addingTimeInterval(Double(ttl))
                try db.cachedStatement(
                    sql: "INSERT INTO leases(ttl, expires_at) VALUES (?, ?)").execute(arguments: [ttl, expires.timeIntervalSince1970])
                let id = db.lastInsertedRowID
                self.state.withLock { $0.leaseDeadlines[id] = expires }
                return Lease(id: id, ttl: ttl, remaining: ttl)
            }
            rescheduleTimer()
            return lease
        }
    }

    public func keepAlive(_ id: Int64) async throws -> Lease {
        try await serve {
            let lease = try await pool.write { db in
                guard let ttl = try Int64.fetchOne(db.cachedStatement(sql: "SELECT ttl FROM leases WHERE id = ?"), arguments: [id])
                else { throw DatastoreError.leaseNotFound(id) }
                let expires = self.clock.now().addingTimeInterval(Double(ttl))
                try db.cachedStatement(
                    sql: "UPDATE leases SET expires_at = ? WHERE id = ?").execute(arguments: [expires.timeIntervalSince1970, id])
                self.state.withLock { $0.leaseDeadlines[id] = expires }
                return Lease(id: id, ttl: ttl, remaining: ttl)
            }
            rescheduleTimer()
            return lease
        }
    }

    public func revokeLease(_ id: Int64) async throws {
        try await serve {
            try await write { db in
                var log = try LogWrite(db)
                guard try self.removeLease(id, log: &log, dueBy: nil) else { throw DatastoreError.leaseNotFound(id) }
                return ((), log)
            }
            rescheduleTimer()
        }
    }

    public func lease(_ id: Int64) async throws -> Lease? {
        try await serve {
            let found = try await pool.read { db -> (ttl: Int64, expiresAt: Double)? in
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT ttl, expires_at FROM leases WHERE id = ?"), arguments: [id])
                return row.map { ($0["ttl"], $0["expires_at"]) }
            }
            guard let found else { return nil }
            let expires = Date(timeIntervalSince1970: found.expiresAt)
            let remaining = max(0, Int64(expires.timeIntervalSince(clock.now()).rounded()))
            return Lease(id: id, ttl: found.ttl, remaining: remaining)
        }
    }

    /// Expires every lease whose deadline has passed, oldest first, one revision each.
    func expireDueLeases() async throws {
        let now = clock.now()
        let due = state.withLock { s in
            s.leaseDeadlines.filter { $0.value <= now }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        }
        guard !due.isEmpty else { return }
        for id in due {
            try await write { db in
                var log = try LogWrite(db)
                _ = try self.removeLease(id, log: &log, dueBy: now)
                return ((), log)
            }
        }
        rescheduleTimer()
    }

    /// The timer's wake-up: expire what is due, then wait for the next deadline.
    func timerFired() async {
        guard !state.withLock({ $0.closed }) else { return }
        try? await expireDueLeases()
        rescheduleTimer()
    }

    func rescheduleTimer() {
        timer.schedule(state.withLock { $0.leaseDeadlines.values.min() })
    }

    /// Deletes a lease and its keys inside a write; false when it does not exist (or, with
    /// `dueBy`, was renewed past that instant meanwhile).
    func removeLease(_ id: Int64, log: inout LogWrite, dueBy: Date?) throws -> Bool {
        let expires = try Double.fetchOne(
            log.db.cachedStatement(sql: "SELECT expires_at FROM leases WHERE id = ?"), arguments: [id])
        guard let expires else {
            state.withLock { _ = $0.leaseDeadlines.removeValue(forKey: id) }
            return false
        }
        if let dueBy, Date(timeIntervalSince1970: expires) > dueBy { return false }
        for key in try KVLog.keys(log.db, lease: id) {
            _ = try log.delete(key: key, rangeEnd: nil)
        }
        try log.db.cachedStatement(sql: "DELETE FROM leases WHERE id = ?").execute(arguments: [id])
        state.withLock { _ = $0.leaseDeadlines.removeValue(forKey: id) }
        return true
    }
}
