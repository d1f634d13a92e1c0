import Core
import Foundation
import GRDB

/// Operations and their leases in the embedded store.
extension SQLiteManagementStore {
    public func operation(_ id: String) async throws -> OperationRecord? {
        try await pool.read { db in try Self.operation(db, id: id) }
    }

    static func operation(_ db: Database, id: String) throws -> OperationRecord? {
        try String.fetchOne(db, sql: "SELECT body FROM operations WHERE id = ?", arguments: [id.lowercased()])
            .map { try RecordCoding.decode(OperationRecord.self, from: $0) }
    }

    public func activeOperation(on cluster: ClusterID) async throws -> OperationRecord? {
        try await pool.read { db in try Self.activeOperation(db, clusterKey: cluster.key) }
    }

    static func activeOperation(_ db: Database, clusterKey: String) throws -> OperationRecord? {
        try String.fetchOne(
            db, sql: "SELECT body FROM operations WHERE cluster_key = ? AND state = 'InProgress' ORDER BY created LIMIT 1",
            arguments: [clusterKey]
        ).map { try RecordCoding.decode(OperationRecord.self, from: $0) }
    }

    static func insert(_ db: Database, operation: OperationRecord) throws {
        try db.execute(
            sql: """
                INSERT INTO operations(id, cluster_key, kind, state, created, lease_owner, lease_expiry, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                operation.id, operation.cluster.key, operation.kind.rawValue, operation.state.rawValue,
                operation.startTime.timeIntervalSince1970, operation.leaseOwner, operation.leaseExpiry?.timeIntervalSince1970,
                try RecordCoding.encode(operation),
            ])
    }

    static func update(_ db: Database, operation: OperationRecord) throws {
        try db.execute(
            sql: "UPDATE operations SET state = ?, lease_owner = ?, lease_expiry = ?, body = ? WHERE id = ?",
            arguments: [
                operation.state.rawValue, operation.leaseOwner, operation.leaseExpiry?.timeIntervalSince1970,
                try RecordCoding.encode(operation), operation.id,
            ])
    }

    public func claimOperation(owner: String, now: Date, leaseUntil: Date) async throws -> OperationRecord? {
        try await pool.write { db in
            let body = try String.fetchOne(
                db,
                sql: """
                    SELECT body FROM operations WHERE state = 'InProgress'
                    AND (lease_owner IS NULL OR lease_expiry IS NULL OR lease_expiry < ?)
                    ORDER BY created LIMIT 1
                    """,
                arguments: [now.timeIntervalSince1970])
            guard let body else { return nil }
            var record = try RecordCoding.decode(OperationRecord.self, from: body)
            record.leaseOwner = owner
            record.leaseExpiry = leaseUntil
            record.attempts += 1
            try Self.update(db, operation: record)
            return record
        }
    }

    public func renewLease(operation id: String, owner: String, until: Date) async throws -> Bool {
        try await pool.write { db in
            guard var record = try Self.operation(db, id: id), record.leaseOwner == owner, record.state == .inProgress else {
                return false
            }
            record.leaseExpiry = until
            try Self.update(db, operation: record)
            return true
        }
    }

    public func releaseLeases(owner: String) async throws -> Int {
        try await pool.write { db in
            let held = try String.fetchAll(
                db, sql: "SELECT body FROM operations WHERE state = 'InProgress' AND lease_owner = ?", arguments: [owner])
            for body in held {
                var record = try RecordCoding.decode(OperationRecord.self, from: body)
                record.leaseOwner = nil
                record.leaseExpiry = nil
                try Self.update(db, operation: record)
            }
            return held.count
        }
    }

    public func finishOperation(_ record: OperationRecord, owner: String) async throws -> Bool {
        try await pool.write { db in
            guard let current = try Self.operation(db, id: record.id), current.leaseOwner == owner, current.state == .inProgress
            else { return false }
            var finished = record
            finished.leaseOwner = nil
            finished.leaseExpiry = nil
            try Self.update(db, operation: finished)
            return true
        }
    }

    public func operationCounts() async throws -> [OperationCount] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, state, COUNT(*) AS n FROM operations GROUP BY kind, state").compactMap { row in
                guard let kind = OperationKind(rawValue: row["kind"]), let state = OperationState(rawValue: row["state"]) else {
                    return nil
                }
                return OperationCount(kind: kind, state: state, count: row["n"])
            }
        }
    }

}
