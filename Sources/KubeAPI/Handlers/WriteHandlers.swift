import Foundation
import Hummingbird

/// create (POST), update (PUT) and patch (PATCH) of whole objects.
enum WriteHandlers {
    static func create(_ call: KubeCall) async throws -> Response {
        try await ResourceHandlers.authorize(call, "create")
        var object = try call.bodyObject()
        try await ensureNamespaceExists(call)
        if ObjectMeta.name(object).isEmpty, let prefix = object[path: ["metadata", "generateName"]]?.stringValue, !prefix.isEmpty {
            object[path: ["metadata", "name"]] = .string(prefix + randomSuffix())
        }
        try ObjectValidation.check(object, call: call, name: nil)
        let ref = call.target.reference(name: ObjectMeta.name(object))
        object = ObjectMeta.prepareForCreate(object, type: call.type, namespace: ref.namespace, now: call.now)
        object = Defaults.apply(object, type: call.type)
        try await Admission.admit(call, old: nil, new: object)
        if isDryRun(call) { return ResourceHandlers.respond(call, object, status: .created) }
        return ResourceHandlers.respond(call, try await call.store.create(ref, object), status: .created)
    }

    static func update(_ call: KubeCall, _ name: String) async throws -> Response {
        try await ResourceHandlers.authorize(call, "update")
        let object = try call.bodyObject()
        try ObjectValidation.check(object, call: call, name: name)
        let ref = call.target.reference(name: name)
        let old = try await call.store.get(ref)
        let sent = ObjectStore.revision(of: object)
        if sent != 0, sent != ObjectStore.revision(of: old) { throw KubeError.conflict(call.type, name) }
        return ResourceHandlers.respond(call, try await write(call, ref, old: old, new: object))
    }

    /// Applies one of the patch types; `apply-patch` (server-side apply) creates a missing object.
    static func patch(_ call: KubeCall, _ name: String) async throws -> Response {
        try await ResourceHandlers.authorize(call, "patch")
        let patchType = PatchType(contentType: call.contentType)
        let ref = call.target.reference(name: name)
        for attempt in 0..<5 {
            guard let old = try await call.store.find(ref) else {
                guard patchType == .apply else { throw KubeError.notFound(call.type, name) }
                try await ResourceHandlers.authorize(call, "create")
                var object = try call.bodyObject()
                try await ensureNamespaceExists(call)
                try ObjectValidation.check(object, call: call, name: name)
                object = Defaults.apply(ObjectMeta.prepareForCreate(object, type: call.type, namespace: ref.namespace, now: call.now), type: call.type)
                try await Admission.admit(call, old: nil, new: object)
                if isDryRun(call) { return ResourceHandlers.respond(call, object, status: .created) }
                return ResourceHandlers.respond(call, try await call.store.create(ref, object), status: .created)
            }
            let patched = try applyPatch(call, type: patchType, to: old)
            let sent = ObjectStore.revision(of: patched)
            if sent != 0, sent != ObjectStore.revision(of: old) { throw KubeError.conflict(call.type, name) }
            do {
                return ResourceHandlers.respond(call, try await write(call, ref, old: old, new: patched))
            } catch let error as KubeError where error.reason == "Conflict" && sent == 0 && attempt < 4 {
                continue  // no precondition in the patch: re-apply it to the newer object, as upstream does
            }
        }
        throw KubeError.conflict(call.type, name)
    }

    static func applyPatch(_ call: KubeCall, type patchType: PatchType?, to old: JSON) throws(KubeError) -> JSON {
        let body = try call.bodyJSON()
        var patched: JSON
        do {
            switch patchType {
            case .json: patched = try Patch.applyJSONPatch(body, to: old)
            case .merge: patched = Patch.applyMergePatch(body, to: old)
            case .strategicMerge: patched = try Patch.applyStrategicMergePatch(body, to: old)
            case .apply:
                // Server-side apply without field ownership: the applied configuration is merged
                // into the live object with strategic-merge rules (decision 005).
                var applied = body
                applied["apiVersion"] = nil
                applied["kind"] = nil
                patched = try Patch.applyStrategicMergePatch(applied, to: old)
            case nil:
                throw KubeError(
                    code: 415, reason: "UnsupportedMediaType",
                    message: "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json")
            }
        } catch let error as PatchError {
            throw .invalid(call.type, ObjectMeta.name(old), field: "patch", message: error.description)
        } catch let error as KubeError {
            throw error
        } catch {
            throw .internalError("\(error)")
        }
        guard patched.objectValue != nil else { throw .badRequest("the patch did not produce an object") }
        if ObjectMeta.name(patched) != ObjectMeta.name(old) { throw .badRequest("metadata.name cannot be changed by a patch") }
        return patched
    }

    /// The common tail of update, patch and the status and scale subresources: keep server-owned
    /// fields, ignore status on the main resource, admit, then compare-and-swap on the old
    /// revision. Returns the object as stored (unchanged when nothing changed or on dry run).
    static func write(_ call: KubeCall, _ ref: ObjectReference, old: JSON, new: JSON) async throws -> JSON {
        try ObjectValidation.check(new, call: call, name: ref.name)
        var object = ObjectMeta.prepareForUpdate(new, old: old, type: call.type)
        if call.type.hasStatus, call.target.subresource == nil { object["status"] = old["status"] }
        object = Defaults.apply(object, type: call.type)
        try await Admission.admit(call, old: old, new: object)
        var stored = object
        stored[path: ["metadata", "resourceVersion"]] = old[path: ["metadata", "resourceVersion"]]
        if stored == old || isDryRun(call) { return stored }
        let written = try await call.store.update(ref, object, expected: ObjectStore.revision(of: old))
        if ObjectMeta.isFinalizedAway(written) {
            try await call.store.delete(ref, expected: ObjectStore.revision(of: written))
        }
        return written
    }

    static func ensureNamespaceExists(_ call: KubeCall) async throws(KubeError) {
        guard call.type.namespaced, let namespace = call.target.namespace else { return }
        let namespaces = ResourceCatalog.type(group: "", version: "v1", resource: "namespaces")!
        guard let found = try await call.store.find(ObjectReference(namespaces, namespace: "", name: namespace)) else {
            throw .notFound(namespaces, namespace)
        }
        if found[path: ["metadata", "deletionTimestamp"]] != nil {
            throw .forbidden("\(call.type.qualifiedName) is forbidden: unable to create new content in namespace \(namespace) because it is being terminated")
        }
    }

    static func isDryRun(_ call: KubeCall) -> Bool { call.query["dryRun"] == "All" }

    static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement()! })
    }
}

extension ObjectMeta {
    /// Marked for deletion and no finalizer left: the object goes now.
    static func isFinalizedAway(_ object: JSON) -> Bool {
        object[path: ["metadata", "deletionTimestamp"]] != nil && (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty
    }
}
