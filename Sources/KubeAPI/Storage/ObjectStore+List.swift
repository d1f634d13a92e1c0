import ControlPlaneStore
import Foundation

/// One page of a list.
public struct ObjectList: Sendable {
    public var items: [JSON]
    /// The revision the page was read at (`metadata.resourceVersion` of the list).
    public var resourceVersion: Int64
    /// Token for the next page (`metadata.continue`), nil on the last one.
    public var continueToken: String?
}

/// A change seen by a watch, as the API sends it: `ADDED`, `MODIFIED` or `DELETED`.
public struct ObjectChange: Sendable {
    public var type: String
    public var object: JSON
    public var revision: Int64
}

extension ObjectStore {
    /// Lists `type` in `namespace` (nil: all namespaces), `limit` keys per page (0: all), keeping
    /// the objects `filter` accepts. Later pages are read at the first page's revision, as upstream.
    public func list(
        _ type: ResourceType, namespace: String?, limit: Int = 0, continueToken: String? = nil,
        filter: @Sendable (JSON) -> Bool = { _ in true }
    ) async throws(KubeError) -> ObjectList {
        let prefix = ObjectKey.collection(type, namespace: namespace)
        var start = prefix
        var revision: Int64 = 0
        if let continueToken, !continueToken.isEmpty {
            guard let token = ContinueToken(encoded: continueToken), token.start.hasPrefix(prefix) else {
                throw .badRequest("continue key is not valid: the token does not belong to this list")
            }
            start = token.start
            revision = token.revision
        }
        let request = RangeRequest(key: start, rangeEnd: KeyRange.prefixEnd(prefix), limit: limit, revision: revision)
        let response = try await call { try await datastore.range(request) }
        var items: [JSON] = []
        items.reserveCapacity(response.kvs.count)
        for kv in response.kvs {
            let object = try Self.decode(kv)
            if filter(object) { items.append(object) }
        }
        var next: String?
        if response.more, let last = response.kvs.last {
            next = ContinueToken(start: last.key + "\u{1}", revision: response.revision).encoded  // the smallest key after `last` among valid object keys (no control characters); NUL does not survive SQLite text binding
        }
        return ObjectList(items: items, resourceVersion: response.revision, continueToken: next)
    }

    /// Changes to `type` in `namespace` after `revision`, then live ones. With `filter`, objects
    /// entering the selection arrive as ADDED and leaving it as DELETED, as upstream does.
    /// `revision` 0 means "from now" (the datastore's rule); lists of a hosted cluster are never
    /// at 0, since its managed objects are written before it serves requests.
    public func watch(
        _ type: ResourceType, namespace: String?, afterRevision revision: Int64, filter: (@Sendable (JSON) -> Bool)? = nil
    ) -> AsyncThrowingStream<ObjectChange, any Error> {
        let events = datastore.watch(.prefix(ObjectKey.collection(type, namespace: namespace), afterRevision: revision, prevKV: true))
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in events {
                        if let change = try Self.change(event, filter: filter) { continuation.yield(change) }
                    }
                    continuation.finish()
                } catch let error as DatastoreError {
                    continuation.finish(throwing: Self.map(error))
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The event as a watcher sees it. Without a filter the previous value is parsed only for a
    /// delete (each event reaches every watcher of its type: parsing is most of a watch's cost).
    static func change(_ event: WatchEvent, filter: ((JSON) -> Bool)?) throws(KubeError) -> ObjectChange? {
        let revision = event.kv.modRevision
        switch event.kind {
        case .delete:
            guard let prevKV = event.prevKV else { return nil }
            let previous = try decode(prevKV)
            guard filter?(previous) ?? true else { return nil }
            return ObjectChange(type: "DELETED", object: withResourceVersion(previous, revision), revision: revision)
        case .put:
            let object = try decode(event.kv)
            let isIn = filter?(object) ?? true
            let created = event.kv.createRevision == event.kv.modRevision
            var wasIn = false
            if !created, let prevKV = event.prevKV {
                if let filter { wasIn = filter(try decode(prevKV)) } else { wasIn = true }
            }
            switch (wasIn, isIn) {
            case (true, true): return ObjectChange(type: "MODIFIED", object: object, revision: revision)
            case (false, true): return ObjectChange(type: "ADDED", object: object, revision: revision)
            case (true, false): return ObjectChange(type: "DELETED", object: object, revision: revision)
            case (false, false): return nil
            }
        }
    }
}

/// The opaque `continue` token: where the next page starts and the revision to read at.
struct ContinueToken {
    let start: String
    let revision: Int64

    init(start: String, revision: Int64) {
        self.start = start
        self.revision = revision
    }

    init?(encoded: String) {
        guard let data = Base64URL.decode(encoded), let json = try? JSON.parse(data),
            let start = json["start"]?.stringValue, let revision = json["rv"]?.intValue, revision > 0
        else { return nil }
        self.start = start
        self.revision = revision
    }

    var encoded: String {
        let json: JSON = ["start": .string(start), "rv": .int(revision)]
        return Base64URL.encode(json.serialized())
    }
}
