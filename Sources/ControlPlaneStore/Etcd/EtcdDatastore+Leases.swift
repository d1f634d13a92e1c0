import Core
import Foundation

/// Leases on the service clock: etcd holds each lease with a ten-year TTL; the deadline on
/// `clock` lives here (and in a record under `meta/leases/`), and a timer task or the check
/// before each call revokes what fell due, deleting its keys in one revision.
extension EtcdDatastore {
    public func grantLease(ttl: Int64) async throws -> Lease {
        try checkOpen()
        let id = try await etcd { try await client.grantLease(ttl: Self.etcdLeaseTTL) }
        let record = LeaseRecord(ttl: ttl, deadline: clock.now().addingTimeInterval(TimeInterval(ttl)))
        try await persist(id, record)
        state.withLock { $0.leases[id] = record }
        rearmTimer()
        return Lease(id: id, ttl: ttl, remaining: ttl)
    }

    public func keepAlive(_ id: Int64) async throws -> Lease {
        try checkOpen()
        try await expireDueLeases()
        guard var record = state.withLock({ $0.leases[id] }) else { throw DatastoreError.leaseNotFound(id) }
        record.deadline = clock.now().addingTimeInterval(TimeInterval(record.ttl))
        try await persist(id, record)
        state.withLock { $0.leases[id] = record }
        rearmTimer()
        return Lease(id: id, ttl: record.ttl, remaining: record.ttl)
    }

    public func revokeLease(_ id: Int64) async throws {
        try checkOpen()
        try await expireDueLeases()
        guard state.withLock({ $0.leases[id] != nil }) else { throw DatastoreError.leaseNotFound(id) }
        try await expire(id)
    }

    public func lease(_ id: Int64) async throws -> Lease? {
        try checkOpen()
        try await expireDueLeases()
        guard let record = state.withLock({ $0.leases[id] }) else { return nil }
        let remaining = Int64(max(0, record.deadline.timeIntervalSince(clock.now())).rounded(.up))
        return Lease(id: id, ttl: record.ttl, remaining: remaining)
    }

    /// Revokes every lease whose deadline has passed on the clock.
    func expireDueLeases() async throws {
        let now = clock.now()
        let due = state.withLock { s in s.leases.filter { $0.value.deadline <= now }.map(\.key).sorted() }
        for id in due { try await expire(id) }
    }

    /// Deletes the lease's keys in one revision, then drops it from etcd and from the table.
    /// Concurrent callers share one expiry.
    func expire(_ id: Int64) async throws {
        let task = state.withLock { s -> Task<Void, any Error> in
            if let running = s.expiring[id] { return running }
            let task = Task { try await self.performExpiry(id) }
            s.expiring[id] = task
            return task
        }
        defer { _ = state.withLock { $0.expiring.removeValue(forKey: id) } }
        try await task.value
    }

    private func performExpiry(_ id: Int64) async throws {
        guard state.withLock({ $0.leases[id] != nil }) else { return }
        try await etcd {
            let (_, keys) = try await client.leaseTimeToLive(id)
            let ours = keys.filter { $0.hasPrefix(keyspace.data) }
            if !ours.isEmpty {
                var operations: [[String: Any]] = ours.map {
                    ["request_delete_range": ["key": EtcdWire.base64($0)]]
                }
                operations.append(Self.rawPut(keyspace.revisionKey, ""))
                _ = try await client.txn(["success": operations])
            }
            do {
                try await client.revokeLease(id)
            } catch EtcdClient.Failure.server(let message, _) where message.contains("lease not found") {
                // Already gone from etcd (a revoke raced us): the keys are deleted either way.
            }
            try await client.deleteRange(keyspace.leaseKey(id), rangeEnd: keyspace.leaseKey(id) + "\0")
        }
        state.withLock { _ = $0.leases.removeValue(forKey: id) }
    }

    /// Records the lease's deadline beside the cluster's keys, so a reopened datastore keeps it.
    private func persist(_ id: Int64, _ record: LeaseRecord) async throws {
        let text = "\(record.ttl) \(record.deadline.timeIntervalSince1970)"
        try await etcd { try await client.put(keyspace.leaseKey(id), value: Array(text.utf8)) }
    }

    /// Loads the compaction point and the lease records (on open).
    func load() async throws {
        let compacted = try await etcd { try await client.range(["key": EtcdWire.base64(keyspace.compactedKey)]) }
        let leases = try await etcd {
            try await client.range([
                "key": EtcdWire.base64(keyspace.leasesPrefix),
                "range_end": EtcdWire.base64(KeyRange.prefixEnd(keyspace.leasesPrefix)),
            ])
        }
        var table: [Int64: LeaseRecord] = [:]
        for kv in leases.kvs ?? [] {
            let key = String(decoding: EtcdWire.bytes(kv.key), as: UTF8.self)
            let fields = String(decoding: EtcdWire.bytes(kv.value), as: UTF8.self).split(separator: " ")
            guard let id = Int64(key.dropFirst(keyspace.leasesPrefix.count)), fields.count == 2,
                let ttl = Int64(fields[0]), let deadline = Double(fields[1])
            else { continue }
            table[id] = LeaseRecord(ttl: ttl, deadline: Date(timeIntervalSince1970: deadline))
        }
        let point =
            (compacted.kvs?.first).flatMap { Int64(String(decoding: EtcdWire.bytes($0.value), as: UTF8.self)) } ?? 0
        state.withLock {
            $0.compacted = point
            $0.leases = table
        }
        rearmTimer()
    }

    /// Restarts the timer task to sleep until the earliest deadline.
    func rearmTimer() {
        state.withLock { s in
            s.timer?.cancel()
            guard !s.closed, let next = s.leases.values.map(\.deadline).min() else {
                s.timer = nil
                return
            }
            s.timer = Task { [weak self, clock] in
                do {
                    try await clock.sleep(until: next)
                } catch {
                    return
                }
                guard let self else { return }
                try? await self.expireDueLeases()
                if !Task.isCancelled { self.rearmTimer() }
            }
        }
    }
}
