import Core
import Foundation
import Logging
import PostgresNIO

// Operations and their leases, as `SQLiteManagementStore` keeps them; row locks stand in for
// SQLite's single writer so that replicas never share an operation.
extension PostgresManagementStore {
    public func operation(_ id: String) async throws -> OperationRecord? {
        try await withConnection { connection in
            try await Self.operation(connection, id: id, forUpdate: false, logger: logger)
        }
    }

    static func operation(
        _ connection: PostgresConnection, id: String, forUpdate: Bool, logger: Logger
    ) async throws -> OperationRecord? {
        try await connection.records(
            OperationRecord.self,
            "SELECT body FROM operations WHERE id = \(id.lowercased()) \(unescaped: forUpdate ? "FOR UPDATE" : "")",
            logger: logger
        ).first
    }

    public func activeOperation(on cluster: ClusterID) async throws -> OperationRecord? {
        try await withConnection { connection in
            try await Self.activeOperation(connection, clusterKey: cluster.key, logger: logger)
        }
    }

    static func activeOperation(_ connection: PostgresConnection, clusterKey: String, logger: Logger)
        async throws -> OperationRecord?
    {
        try await connection.records(
            OperationRecord.self,
            "SELECT body FROM operations WHERE cluster_key = \(clusterKey) AND state = 'InProgress' ORDER BY created LIMIT 1",
            logger: logger
        ).first
    }

    static func insert(_ connection: PostgresConnection, operation: OperationRecord, logger: Logger)
        async throws
    {
        let body = try RecordCoding.encode(operation)
        try await connection.execute(
            """
            INSERT INTO operations(id, cluster_key, kind, state, created, lease_owner, lease_expiry, body)
            VALUES (\(operation.id), \(operation.cluster.key), \(operation.kind.rawValue), \(operation.state.rawValue),
                \(operation.startTime.timeIntervalSince1970), \(operation.leaseOwner),
                \(operation.leaseExpiry?.timeIntervalSince1970), \(body))
            """, logger: logger)
    }

    static func update(_ connection: PostgresConnection, operation: OperationRecord, logger: Logger)
        async throws
    {
        let body = try RecordCoding.encode(operation)
        try await connection.execute(
            """
            UPDATE operations SET state = \(operation.state.rawValue), lease_owner = \(operation.leaseOwner),
                lease_expiry = \(operation.leaseExpiry?.timeIntervalSince1970), body = \(body)
            WHERE id = \(operation.id)
            """, logger: logger)
    }

    public func claimOperation(owner: String, now: Date, leaseUntil: Date) async throws
        -> OperationRecord?
    {
        try await transaction { connection in
            // SKIP LOCKED: a row another replica is claiming right now is not a candidate here; once it
            // commits, the lease condition (re-checked on the locked row) excludes it.
            let candidate = try await connection.records(
                OperationRecord.self,
                """
                SELECT body FROM operations WHERE state = 'InProgress'
                AND (lease_owner IS NULL OR lease_expiry IS NULL OR lease_expiry < \(now.timeIntervalSince1970))
                ORDER BY created LIMIT 1 FOR UPDATE SKIP LOCKED
                """,
                logger: logger
            ).first
            guard var record = candidate else { return nil }
            record.leaseOwner = owner
            record.leaseExpiry = leaseUntil
            record.attempts += 1
            try await Self.update(connection, operation: record, logger: logger)
            return record
        }
    }

    public func renewLease(operation id: String, owner: String, until: Date) async throws -> Bool {
        try await transaction { connection in
            guard
                var record = try await Self.operation(connection, id: id, forUpdate: true, logger: logger),
                record.leaseOwner == owner, record.state == .inProgress
            else { return false }
            record.leaseExpiry = until
            try await Self.update(connection, operation: record, logger: logger)
            return true
        }
    }

    public func releaseLeases(owner: String) async throws -> Int {
        try await transaction { connection in
            let held = try await connection.records(
                OperationRecord.self,
                "SELECT body FROM operations WHERE state = 'InProgress' AND lease_owner = \(owner) FOR UPDATE",
                logger: logger)
            for var record in held {
                record.leaseOwner = nil
                record.leaseExpiry = nil
                try await Self.update(connection, operation: record, logger: logger)
            }
            return held.count
        }
    }

    public func finishOperation(_ record: OperationRecord, owner: String) async throws -> Bool {
        try await transaction { connection in
            guard
                let current = try await Self.operation(
                    connection, id: record.id, forUpdate: true, logger: logger),
                current.leaseOwner == owner, current.state == .inProgress
            else { return false }
            var finished = record
            finished.leaseOwner = nil
            finished.leaseExpiry = nil
            try await Self.update(connection, operation: finished, logger: logger)
            return true
        }
    }

    public func operationCounts() async throws -> [OperationCount] {
        try await withConnection { connection in
            var counts: [OperationCount] = []
            let rows = try await connection.query(
                "SELECT kind, state, COUNT(*) FROM operations GROUP BY kind, state", logger: logger)
            for try await (kind, state, count) in rows.decode((String, String, Int).self) {
                guard let kind = OperationKind(rawValue: kind), let state = OperationState(rawValue: state)
                else { continue }
                counts.append(OperationCount(kind: kind, state: state, count: count))
            }
            return counts
        }
    }
}
