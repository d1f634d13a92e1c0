import KubeAPI
import Synchronization

/// The controllers' view of one resource type in a cluster, kept by a list and one watch
/// (`Informer`) and updated at once with the results of the controllers' own writes, so a
/// pass never acts twice on a change whose watch event has not arrived yet.
final class ObjectCache: Sendable {
    private struct State {
        var objects: [String: JSON] = [:]
        /// uids deleted by a controller whose DELETED event has not arrived: late events of
        /// those objects must not bring them back.
        var deleted: Set<String> = []
        /// uids whose DELETED event arrived: a controller's write result that comes back
        /// after it (the object was deleted at once) must not bring them back either.
        var gone: Set<String> = []
        var synced = false
        /// Bumped by every change a pass should see: relevant watch events, lists, and the
        /// controllers' own writes (whose later watch events are not applied again).
        var version = 0
    }

    private let state = Mutex(State())

    static func key(_ object: JSON) -> String {
        let namespace = ObjectMeta.namespace(object)
        return namespace.isEmpty ? ObjectMeta.name(object) : "\(namespace)/\(ObjectMeta.name(object))"
    }

    private static func uid(_ object: JSON) -> String { object[path: ["metadata", "uid"]]?.stringValue ?? "" }

    /// Every cached object.
    var objects: [JSON] { state.withLock { Array($0.objects.values) } }

    var isSynced: Bool { state.withLock { $0.synced } }

    /// Moves whenever the cache changed in a way the controllers act on.
    var version: Int { state.withLock { $0.version } }

    /// A watch event the controllers act on was applied (heartbeats are not).
    func noteRelevantChange() { state.withLock { $0.version += 1 } }

    func object(_ key: String) -> JSON? { state.withLock { $0.objects[key] } }

    /// A fresh list replaces everything.
    func replace(with items: [JSON]) {
        state.withLock { state in
            state.objects = Dictionary(items.map { (Self.key($0), $0) }, uniquingKeysWith: { _, last in last })
            state.deleted = []
            state.gone = []
            state.synced = true
            state.version += 1
        }
    }

    /// Applies a watch event; returns the object as it was before (nil: not cached).
    @discardableResult
    func apply(_ change: ObjectChange) -> (old: JSON?, applied: Bool) {
        let key = Self.key(change.object)
        let uid = Self.uid(change.object)
        return state.withLock { state in
            let old = state.objects[key]
            if change.type == "DELETED" {
                state.deleted.remove(uid)
                if state.gone.count >= 10_000 { state.gone = [] }
                state.gone.insert(uid)
                guard let old, Self.uid(old) == uid else { return (old, false) }
                state.objects[key] = nil
                return (old, true)
            }
            if state.deleted.contains(uid) { return (old, false) }
            if let old, Self.uid(old) == uid, ObjectStore.revision(of: old) >= change.revision { return (old, false) }
            state.objects[key] = change.object
            return (old, true)
        }
    }

    /// The result of a controller's create or update.
    func stored(_ object: JSON) {
        let key = Self.key(object)
        state.withLock { state in
            if state.gone.contains(Self.uid(object)) { return }
            if let old = state.objects[key], Self.uid(old) == Self.uid(object), ObjectStore.revision(of: old) > ObjectStore.revision(of: object) {
                return
            }
            state.objects[key] = object
            state.version += 1
        }
    }

    /// A controller deleted the object.
    func removed(_ object: JSON) {
        state.withLock { state in
            state.objects[Self.key(object)] = nil
            state.deleted.insert(Self.uid(object))
            state.version += 1
        }
    }

    /// Changes a cached object in place without a new resourceVersion (after a binding, whose
    /// response does not carry the pod); the watch event replaces it.
    func amend(_ key: String, _ change: (inout JSON) -> Void) {
        state.withLock { state in
            guard var object = state.objects[key] else { return }
            change(&object)
            state.objects[key] = object
            state.version += 1
        }
    }
}
