import Core
import Foundation
import Synchronization

/// One cluster's datastore on a shared etcd (decision 004): every key lives under
/// `/hm/clusters/{uid}/kv/`, revisions are etcd's global ones, so a cluster sees them increase
/// with gaps, which `Datastore` allows. The cluster's own newest revision, compaction point and
/// lease deadlines are kept beside its keys under `/hm/clusters/{uid}/meta/`.
///
/// Compaction is logical per cluster (etcd's is global and would cut other clusters' history);
/// the shared etcd compacts itself with `--auto-compaction-*`. Leases run on the injected
/// `TimeSource`: etcd holds them with a long TTL and this datastore revokes them at their
/// deadline, so a simulated clock expires them.
public final class EtcdDatastore: Datastore {
    /// An etcd lease's deadline on the service clock.
    struct LeaseRecord: Sendable {
        var ttl: Int64
        var deadline: Date
    }

    struct State: Sendable {
        var closed = false
        var compacted: Int64 = 0
        var leases: [Int64: LeaseRecord] = [:]
        var expiring: [Int64: Task<Void, any Error>] = [:]
        var timer: Task<Void, Never>?
        /// Open watches, ended with `.closed` by `close()`.
        var watches: [UInt64: AsyncThrowingStream<WatchEvent, any Error>.Continuation] = [:]
        var nextWatch: UInt64 = 0
    }

    /// The TTL etcd itself holds leases for (the real deadline is on `clock`): ten years.
    static let etcdLeaseTTL: Int64 = 315_360_000

    let client: EtcdClient
    let keyspace: EtcdKeyspace
    let clock: any TimeSource
    let state = Mutex(State())
    /// Writes wait for watches that are still being created, so a watch sees what follows its creation.
    let watchGate = EtcdWatchGate()

    /// Opens cluster `uid`'s datastore on the etcd that `client` reaches; loads its compaction
    /// point and lease deadlines (so a reopened datastore keeps them).
    public static func open(client: EtcdClient, cluster uid: String, clock: any TimeSource) async throws
        -> EtcdDatastore
    {
        let store = EtcdDatastore(client: client, keyspace: EtcdKeyspace(cluster: uid), clock: clock)
        try await store.load()
        return store
    }

    private init(client: EtcdClient, keyspace: EtcdKeyspace, clock: any TimeSource) {
        self.client = client
        self.keyspace = keyspace
        self.clock = clock
    }

    /// Throws `.closed` after `close()`.
    func checkOpen() throws {
        if state.withLock({ $0.closed }) { throw DatastoreError.closed }
    }

    /// Runs `body`, mapping etcd's errors to `DatastoreError`.
    func etcd<T>(requested: Int64 = 0, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw await mapped(error, requested: requested)
        }
    }

    public func currentRevision() async throws -> Int64 {
        try checkOpen()
        try await expireDueLeases()
        let records = try await etcd {
            try await client.range([
                "key": EtcdWire.base64(keyspace.revisionRecords),
                "range_end": EtcdWire.base64(KeyRange.prefixEnd(keyspace.revisionRecords)),
            ])
        }
        return clusterRevision(records)
    }

    public func range(_ request: RangeRequest) async throws -> RangeResponse {
        try checkOpen()
        try await expireDueLeases()
        await watchGate.waitForCreatedWatches()
        let compacted = state.withLock { $0.compacted }
        if request.revision > 0 && request.revision < compacted {
            throw DatastoreError.compacted(compactRevision: compacted)
        }
        let txn = try await etcd(requested: request.revision) {
            try await client.txn([
                "success": [
                    Self.rawRange(keyspace.revisionRecords, end: KeyRange.prefixEnd(keyspace.revisionRecords)),
                    ["request_range": rangeObject(request)],
                ]
            ])
        }
        let responses = txn.responses ?? []
        let current = clusterRevision(responses.first?.response_range)
        if request.revision > current {
            throw DatastoreError.futureRevision(requested: request.revision, current: current)
        }
        return rangeResponse(
            responses.dropFirst().first?.response_range, revision: request.revision > 0 ? request.revision : current)
    }

    func rangeResponse(_ response: EtcdWire.RangeResponse?, revision: Int64) -> RangeResponse {
        RangeResponse(
            kvs: (response?.kvs ?? []).map(keyValue),
            count: Int(response?.count?.value ?? 0),
            more: response?.more ?? false,
            revision: revision)
    }

    public func compact(revision: Int64) async throws {
        try checkOpen()
        let current = try await currentRevision()
        if revision > current { throw DatastoreError.futureRevision(requested: revision, current: current) }
        let compacted = state.withLock { $0.compacted }
        if revision <= compacted { throw DatastoreError.compacted(compactRevision: compacted) }
        try await etcd { try await client.put(keyspace.compactedKey, value: Array(EtcdKeyspace.padded(revision).utf8)) }
        state.withLock { $0.compacted = max($0.compacted, revision) }
    }

    public func compactedRevision() async throws -> Int64 {
        try checkOpen()
        return state.withLock { $0.compacted }
    }

    /// Streams a snapshot of the whole etcd, every cluster on it included, to `path`
    /// (restore is `etcdctl snapshot restore` into a new data dir; not automated yet).
    public func snapshot(to path: String) async throws {
        try checkOpen()
        try await etcd { try await client.snapshot(to: path) }
    }

    public func close() async throws {
        let (timer, expiring, watches) = state.withLock { s in
            s.closed = true
            defer {
                s.timer = nil
                s.watches = [:]
            }
            return (s.timer, Array(s.expiring.values), Array(s.watches.values))
        }
        timer?.cancel()
        for watch in watches { watch.finish(throwing: DatastoreError.closed) }
        for task in expiring { _ = try? await task.value }
    }
}

extension EtcdDatastore {
    /// Deletes every key of cluster `uid` (data and bookkeeping): one range delete.
    public static func destroy(client: EtcdClient, cluster uid: String) async throws {
        let keyspace = EtcdKeyspace(cluster: uid)
        try await client.deleteRange(keyspace.root, rangeEnd: KeyRange.prefixEnd(keyspace.root))
    }
}
