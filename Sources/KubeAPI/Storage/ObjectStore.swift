import ControlPlaneStore
import Foundation

/// Kubernetes objects on a cluster's `Datastore`: the storage layer of the hosted API server.
/// `metadata.resourceVersion` is the key's mod revision (never stored, set on read), writes are
/// compare-and-swap on it, so concurrent updates give 409 Conflict exactly as upstream.
public struct ObjectStore: Sendable {
    public let datastore: any Datastore

    public init(datastore: any Datastore) {
        self.datastore = datastore
    }

    /// One object, or 404.
    public func get(_ ref: ObjectReference) async throws(KubeError) -> JSON {
        let response = try await call { try await datastore.range(RangeRequest(key: ref.key)) }
        guard let kv = response.kvs.first else { throw .notFound(ref.type, ref.name) }
        return try Self.decode(kv)
    }

    /// The object if it exists.
    public func find(_ ref: ObjectReference) async throws(KubeError) -> JSON? {
        let response = try await call { try await datastore.range(RangeRequest(key: ref.key)) }
        guard let kv = response.kvs.first else { return nil }
        return try Self.decode(kv)
    }

    /// Stores a new object; 409 AlreadyExists when the name is taken. The caller has filled in
    /// uid, creationTimestamp and the rest of the metadata.
    @discardableResult
    public func create(_ ref: ObjectReference, _ object: JSON) async throws(KubeError) -> JSON {
        let key = ref.key
        let response = try await call {
            try await datastore.txn(TxnRequest(
                compare: [.createRevision(key, .equal, 0)], success: [.put(key: key, value: Self.encode(object))]))
        }
        guard response.succeeded else { throw .alreadyExists(ref.type, ref.name) }
        return Self.withResourceVersion(object, response.revision)
    }

    /// Replaces the object when its stored revision is `expected` (409 Conflict otherwise; 404 when gone).
    @discardableResult
    public func update(_ ref: ObjectReference, _ object: JSON, expected: Int64) async throws(KubeError) -> JSON {
        let key = ref.key
        let response = try await call {
            try await datastore.txn(TxnRequest(
                compare: [.modRevision(key, .equal, expected)], success: [.put(key: key, value: Self.encode(object))],
                failure: [.range(RangeRequest(key: key))]))
        }
        if response.succeeded { return Self.withResourceVersion(object, response.revision) }
        if case .range(let current)? = response.results.first, current.kvs.isEmpty { throw .notFound(ref.type, ref.name) }
        throw .conflict(ref.type, ref.name)
    }

    /// Removes the object when its stored revision is `expected` (nil: whatever it is); returns it.
    @discardableResult
    public func delete(_ ref: ObjectReference, expected: Int64? = nil) async throws(KubeError) -> JSON {
        let key = ref.key
        let compare: [Compare] = expected.map { [.modRevision(key, .equal, $0)] } ?? [.createRevision(key, .greater, 0)]
        let response = try await call {
            try await datastore.txn(TxnRequest(compare: compare, success: [.delete(key: key)], failure: [.range(RangeRequest(key: key))]))
        }
        if response.succeeded, case .delete(let deleted)? = response.results.first, let kv = deleted.first {
            return Self.withResourceVersion(try Self.decode(kv), response.revision)
        }
        if case .range(let current)? = response.results.first, !current.kvs.isEmpty { throw .conflict(ref.type, ref.name) }
        throw .notFound(ref.type, ref.name)
    }

    /// Read, change, write, retrying on conflict: for server-side changes (status, controllers).
    @discardableResult
    public func update(_ ref: ObjectReference, attempts: Int = 8, _ change: (JSON) throws(KubeError) -> JSON) async throws(KubeError) -> JSON {
        var lastError = KubeError.conflict(ref.type, ref.name)
        for _ in 0..<attempts {
            let current = try await get(ref)
            let expected = Self.revision(of: current)
            let changed = try change(current)
            if changed == current { return current }
            do {
                return try await update(ref, changed, expected: expected)
            } catch where error.reason == "Conflict" {
                lastError = error
            }
        }
        throw lastError
    }

    /// Runs a datastore call, mapping its errors to API errors.
    func call<T: Sendable>(_ body: () async throws -> T) async throws(KubeError) -> T {
        do {
            return try await body()
        } catch let error as DatastoreError {
            throw Self.map(error)
        } catch is CancellationError {
            throw Self.cancelled
        } catch {
            throw .internalError("\(error)")
        }
    }

    /// A call cut short by cancellation (the caller or the service is stopping): the server is
    /// going away, not failing, so 503 as for a stopped control plane.
    static let cancelled = KubeError.unavailable("the request was cancelled: the service is stopping")

    static func map(_ error: DatastoreError) -> KubeError {
        switch error {
        case .compacted(let revision):
            .expired("The resourceVersion for the provided watch is too old (the oldest available is \(revision + 1)).")
        case .futureRevision(let requested, let current):
            .badRequest("resourceVersion \(requested) is newer than the cluster's \(current); wait and retry.")
        case .closed: .unavailable("the control plane is stopped")
        case .leaseNotFound(let id): .internalError("lease \(id) not found")
        case .unavailable(let message): .unavailable("the datastore is unavailable: \(message)")
        }
    }

    static func encode(_ object: JSON) -> [UInt8] {
        var stored = object
        stored[path: ["metadata", "resourceVersion"]] = nil
        return stored.serialized()
    }

    static func decode(_ kv: KeyValue) throws(KubeError) -> JSON {
        do {
            return withResourceVersion(try JSON.parse(kv.value), kv.modRevision)
        } catch {
            throw .internalError("stored object \(kv.key) is corrupt: \(error)")
        }
    }

    static func withResourceVersion(_ object: JSON, _ revision: Int64) -> JSON {
        var object = object
        object[path: ["metadata", "resourceVersion"]] = .string(String(revision))
        return object
    }

    /// The object's `metadata.resourceVersion` as a revision (0 when absent or malformed).
    public static func revision(of object: JSON) -> Int64 {
        object[path: ["metadata", "resourceVersion"]]?.stringValue.flatMap { Int64($0) } ?? 0
    }
}
