/// A cluster's control-plane datastore with etcd's semantics (kine's narrow interface):
/// revisioned keys (MVCC), range reads at a revision, compare-and-swap transactions, watches
/// from a revision, leases, compaction and snapshots. One instance serves one cluster.
///
/// Backends: `SQLiteDatastore` (embedded default, one file per cluster) and `EtcdDatastore`
/// (a real `etcd` supervised by `hm`). Both pass the same conformance suite.
///
/// Revisions are positive, strictly increasing per datastore; every write (put, delete, txn
/// with writes) creates exactly one new revision. They need not be contiguous (a shared etcd
/// hands out global revisions), so callers compare, never count.
public protocol Datastore: Sendable {
    /// The newest revision (0 for an empty datastore).
    func currentRevision() async throws -> Int64

    /// Reads keys. `revision` 0 means the newest; an older one reads history (fails with
    /// `DatastoreError.compacted` below the compaction point, `.futureRevision` above the newest).
    func range(_ request: RangeRequest) async throws -> RangeResponse

    /// Compare-and-swap: when every compare holds, applies `success`, else `failure`; atomically.
    func txn(_ request: TxnRequest) async throws -> TxnResponse

    /// Events for keys in `[key, rangeEnd)` (or `key` alone) with revisions > `afterRevision`,
    /// in revision order, then live ones as they happen. Fails with `.compacted` when
    /// `afterRevision` is older than the compaction point. Ends when the task is cancelled.
    func watch(_ request: WatchRequest) -> AsyncThrowingStream<WatchEvent, any Error>

    /// Grants a lease of `ttl` seconds of the service clock; keys attached to it are deleted
    /// (one revision per expiry) when it expires without keep-alive.
    func grantLease(ttl: Int64) async throws -> Lease
    /// Renews a lease for another full TTL; `.leaseNotFound` when it has expired or was revoked.
    func keepAlive(_ id: Int64) async throws -> Lease
    /// Revokes a lease now, deleting its keys.
    func revokeLease(_ id: Int64) async throws
    /// The lease's remaining TTL, or nil when it does not exist.
    func lease(_ id: Int64) async throws -> Lease?

    /// Forgets history at and below `revision` (the newest value of each live key stays).
    func compact(revision: Int64) async throws
    /// The compaction point (0 when never compacted).
    func compactedRevision() async throws -> Int64

    /// Writes a consistent snapshot of the whole datastore to `path`.
    func snapshot(to path: String) async throws

    /// Releases memory and handles; the data stays on disk (stop/start, L1).
    func close() async throws
}

/// One key's value at a revision.
public struct KeyValue: Sendable, Equatable, Hashable {
    public var key: String
    public var value: [UInt8]
    /// Revision that created the key (since its last deletion).
    public var createRevision: Int64
    /// Revision of the last change.
    public var modRevision: Int64
    /// Number of changes since creation (1 on create).
    public var version: Int64
    /// Attached lease id, 0 for none.
    public var lease: Int64

    public init(key: String, value: [UInt8], createRevision: Int64, modRevision: Int64, version: Int64, lease: Int64 = 0) {
        self.key = key
        self.value = value
        self.createRevision = createRevision
        self.modRevision = modRevision
        self.version = version
        self.lease = lease
    }
}

/// `range`: one key, or `[key, rangeEnd)`. Use `RangeRequest.prefix` for "every key starting with".
public struct RangeRequest: Sendable, Equatable {
    public var key: String
    /// Exclusive end; nil reads `key` alone.
    public var rangeEnd: String?
    /// At most this many keys (0 = no limit); `more` tells whether others follow.
    public var limit: Int
    /// 0 = newest.
    public var revision: Int64
    /// Only `count` (and `revision`), no key-values.
    public var countOnly: Bool

    public init(key: String, rangeEnd: String? = nil, limit: Int = 0, revision: Int64 = 0, countOnly: Bool = false) {
        self.key = key
        self.rangeEnd = rangeEnd
        self.limit = limit
        self.revision = revision
        self.countOnly = countOnly
    }

    /// Every key that starts with `prefix`.
    public static func prefix(_ prefix: String, limit: Int = 0, revision: Int64 = 0, countOnly: Bool = false) -> RangeRequest {
        RangeRequest(key: prefix, rangeEnd: KeyRange.prefixEnd(prefix), limit: limit, revision: revision, countOnly: countOnly)
    }
}

public struct RangeResponse: Sendable, Equatable {
    /// Keys in ascending byte order.
    public var kvs: [KeyValue]
    /// How many keys the range holds in all (ignoring `limit`).
    public var count: Int
    /// True when `limit` cut the answer short.
    public var more: Bool
    /// The revision the read was served at.
    public var revision: Int64

    public init(kvs: [KeyValue], count: Int, more: Bool, revision: Int64) {
        self.kvs = kvs
        self.count = count
        self.more = more
        self.revision = revision
    }
}

/// A condition of a transaction, on one key (a missing key has all revisions and version 0).
public enum Compare: Sendable, Equatable {
    case modRevision(String, CompareResult, Int64)
    case createRevision(String, CompareResult, Int64)
    case version(String, CompareResult, Int64)
    case value(String, CompareResult, [UInt8])
}

public enum CompareResult: Sendable, Equatable {
    case equal, notEqual, less, greater
}

/// A transaction step.
public enum TxnOperation: Sendable, Equatable {
    case put(key: String, value: [UInt8], lease: Int64 = 0)
    /// Deletes `key`, or `[key, rangeEnd)`.
    case delete(key: String, rangeEnd: String? = nil)
    case range(RangeRequest)
}

public struct TxnRequest: Sendable, Equatable {
    public var compare: [Compare]
    public var success: [TxnOperation]
    public var failure: [TxnOperation]

    public init(compare: [Compare] = [], success: [TxnOperation] = [], failure: [TxnOperation] = []) {
        self.compare = compare
        self.success = success
        self.failure = failure
    }
}

/// The result of one `TxnOperation`, in order.
public enum TxnResult: Sendable, Equatable {
    /// The previous value, if the key existed.
    case put(previous: KeyValue?)
    /// The deleted key-values.
    case delete(deleted: [KeyValue])
    case range(RangeResponse)
}

public struct TxnResponse: Sendable, Equatable {
    public var succeeded: Bool
    /// The store's revision after the transaction (unchanged if it wrote nothing).
    public var revision: Int64
    public var results: [TxnResult]

    public init(succeeded: Bool, revision: Int64, results: [TxnResult]) {
        self.succeeded = succeeded
        self.revision = revision
        self.results = results
    }
}

public struct WatchRequest: Sendable, Equatable {
    public var key: String
    public var rangeEnd: String?
    /// Deliver events with revision > this (0 = only live events from now).
    public var afterRevision: Int64
    /// Include the previous key-value in events.
    public var prevKV: Bool

    public init(key: String, rangeEnd: String? = nil, afterRevision: Int64 = 0, prevKV: Bool = false) {
        self.key = key
        self.rangeEnd = rangeEnd
        self.afterRevision = afterRevision
        self.prevKV = prevKV
    }

    public static func prefix(_ prefix: String, afterRevision: Int64 = 0, prevKV: Bool = false) -> WatchRequest {
        WatchRequest(key: prefix, rangeEnd: KeyRange.prefixEnd(prefix), afterRevision: afterRevision, prevKV: prevKV)
    }
}

public struct WatchEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case put, delete }
    public var kind: Kind
    /// For a delete: the key with `modRevision` = the deletion's revision and an empty value.
    public var kv: KeyValue
    public var prevKV: KeyValue?

    public init(kind: Kind, kv: KeyValue, prevKV: KeyValue? = nil) {
        self.kind = kind
        self.kv = kv
        self.prevKV = prevKV
    }
}

public struct Lease: Sendable, Equatable {
    public var id: Int64
    /// Granted TTL in seconds.
    public var ttl: Int64
    /// Seconds left on the service clock.
    public var remaining: Int64

    public init(id: Int64, ttl: Int64, remaining: Int64) {
        self.id = id
        self.ttl = ttl
        self.remaining = remaining
    }
}

/// Errors with etcd's meaning.
public enum DatastoreError: Error, Sendable, Equatable {
    /// The requested revision was compacted; the oldest readable is `compactRevision + 1`.
    case compacted(compactRevision: Int64)
    /// The requested revision is newer than the store's.
    case futureRevision(requested: Int64, current: Int64)
    case leaseNotFound(Int64)
    /// The datastore is closed (cluster stopped).
    case closed
    /// The backend failed (process down, I/O); the message says what.
    case unavailable(String)
}

/// Key-range helpers.
public enum KeyRange {
    /// The exclusive end of all keys starting with `prefix` (etcd's prefix end: last byte + 1).
    public static func prefixEnd(_ prefix: String) -> String {
        var bytes = Array(prefix.utf8)
        while let last = bytes.last {
            if last < 0xFF {
                bytes[bytes.count - 1] = last + 1
                return String(decoding: bytes, as: UTF8.self)
            }
            bytes.removeLast()
        }
        return "\0"
    }

    /// Whether `key` falls in `[start, end)` (or equals `start` when `end` is nil), by bytes.
    public static func contains(_ key: String, start: String, end: String?) -> Bool {
        guard let end else { return key == start }
        let k = Array(key.utf8)
        return !k.lexicographicallyPrecedes(Array(start.utf8)) && (end == "\0" || k.lexicographicallyPrecedes(Array(end.utf8)))
    }
}
