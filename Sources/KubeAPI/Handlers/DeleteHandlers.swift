import Foundation
import Hummingbird

/// delete and deletecollection: finalizers, preconditions, namespace emptying, and cascading
/// to owned objects (background propagation: dependents are deleted after their owner).
enum DeleteHandlers {
    static let protectedNamespaces: Set<String> = ["default", "kube-system", "kube-public", "kube-node-lease"]

    static func delete(_ call: KubeCall, _ name: String) async throws -> Response {
        try await ResourceHandlers.authorize(call, "delete")
        let options = try deleteOptions(call)
        let ref = call.target.reference(name: name)
        let object = try await call.store.get(ref)
        try checkPreconditions(options, object, call.type, name)
        if call.type.resource == "namespaces", protectedNamespaces.contains(name), !call.isService {
            throw KubeError.forbidden("namespaces \"\(name)\" is forbidden: this namespace may not be deleted")
        }
        try await Admission.admit(call, old: object, new: nil)
        if WriteHandlers.isDryRun(call) { return ResourceHandlers.respond(call, object) }
        return ResourceHandlers.respond(call, try await remove(call, ref, object, orphan: options["propagationPolicy"]?.stringValue == "Orphan"))
    }

    static func deleteCollection(_ call: KubeCall) async throws -> Response {
        try await ResourceHandlers.authorize(call, "deletecollection")
        let filter = try Selection(call)
        let page = try await call.store.list(call.type, namespace: call.target.namespace, filter: filter.matches)
        var deleted: [JSON] = []
        for object in page.items {
            let ref = ObjectReference(call.type, namespace: ObjectMeta.namespace(object), name: ObjectMeta.name(object))
            try await Admission.admit(call, old: object, new: nil)
            deleted.append(try await remove(call, ref, object, orphan: false))
        }
        return KubeResponse.json(.ok, [
            "kind": .string("\(call.type.kind)List"), "apiVersion": .string(call.type.apiVersion),
            "metadata": ["resourceVersion": .string(String(page.resourceVersion))], "items": .array(deleted),
        ])
    }

    /// Deletes now, or marks for deletion while finalizers remain. A namespace takes its
    /// contents with it; owners take their dependents unless orphaning.
    static func remove(_ call: KubeCall, _ ref: ObjectReference, _ object: JSON, orphan: Bool) async throws(KubeError) -> JSON {
        let finalizers = object[path: ["metadata", "finalizers"]]?.arrayValue ?? []
        if !finalizers.isEmpty {
            if object[path: ["metadata", "deletionTimestamp"]] != nil { return object }
            return try await call.store.update(ref) { current throws(KubeError) in
                var marked = current
                marked[path: ["metadata", "deletionTimestamp"]] = .string(ObjectMeta.timestamp(call.now))
                marked[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
                return marked
            }
        }
        if call.type.resource == "namespaces" {
            try await emptyNamespace(call, ref.name)
        }
        let deleted = try await call.store.delete(ref)
        if !orphan { try await deleteDependents(of: object, type: call.type, in: call.store) }
        return deleted
    }

    static func emptyNamespace(_ call: KubeCall, _ namespace: String) async throws(KubeError) {
        let types = ResourceCatalog.served.filter { $0.namespaced }
        try await call.store.update(ObjectReference(call.type, namespace: "", name: namespace)) { current throws(KubeError) in
            var marked = current
            marked[path: ["status", "phase"]] = "Terminating"
            marked[path: ["metadata", "deletionTimestamp"]] = .string(ObjectMeta.timestamp(call.now))
            return marked
        }
        for type in types {
            for object in try await call.store.list(type, namespace: namespace).items {
                _ = try? await call.store.delete(ObjectReference(type, namespace: namespace, name: ObjectMeta.name(object)))
            }
        }
    }

    /// Garbage collection of the served owner chains (Deployment -> ReplicaSet -> Pod, DaemonSet -> Pod).
    static func deleteDependents(of owner: JSON, type ownerType: ResourceType, in store: ObjectStore) async throws(KubeError) {
        guard let uid = owner[path: ["metadata", "uid"]]?.stringValue, ownerType.group == "apps" else { return }
        let namespace = ObjectMeta.namespace(owner)
        for (group, resource) in [("apps", "replicasets"), ("", "pods")] {
            let type = ResourceCatalog.type(group: group, version: "v1", resource: resource)!
            let owned = try await store.list(type, namespace: namespace) { object in
                (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).contains { $0["uid"]?.stringValue == uid }
            }
            for object in owned.items {
                let ref = ObjectReference(type, namespace: namespace, name: ObjectMeta.name(object))
                guard let deleted = try? await store.delete(ref) else { continue }
                try await deleteDependents(of: deleted, type: type, in: store)
            }
        }
    }

    /// DeleteOptions from the body (JSON or protobuf) or the query.
    static func deleteOptions(_ call: KubeCall) throws(KubeError) -> JSON {
        var options: JSON = call.hasBody ? try call.bodyObject() : [:]
        if let policy = call.query["propagationPolicy"] { options["propagationPolicy"] = .string(policy) }
        return options
    }

    static func checkPreconditions(_ options: JSON, _ object: JSON, _ type: ResourceType, _ name: String) throws(KubeError) {
        if let uid = options[path: ["preconditions", "uid"]]?.stringValue, !uid.isEmpty, uid != object[path: ["metadata", "uid"]]?.stringValue {
            throw KubeError(code: 409, reason: "Conflict", message: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(object[path: ["metadata", "uid"]]?.stringValue ?? "")")
        }
        if let rv = options[path: ["preconditions", "resourceVersion"]]?.stringValue, !rv.isEmpty, rv != object[path: ["metadata", "resourceVersion"]]?.stringValue {
            throw KubeError.conflict(type, name)
        }
    }
}
