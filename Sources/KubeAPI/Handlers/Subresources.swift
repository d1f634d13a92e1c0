import Foundation
import Hummingbird

/// `status`, `scale`, `pods/eviction` and `pods/binding`.
enum Subresources {
    static func serve(_ call: KubeCall, _ subresource: String) async throws -> Response {
        guard let name = call.target.name, call.type.subresources.contains(where: { $0.name == subresource }) else {
            throw KubeError.pathNotFound("\(call.type.qualifiedName)/\(subresource)")
        }
        switch (subresource, call.method) {
        case ("status", .get), ("scale", .get): try await ResourceHandlers.authorize(call, "get")
        case ("status", .put), ("scale", .put): try await ResourceHandlers.authorize(call, "update")
        case ("status", .patch), ("scale", .patch): try await ResourceHandlers.authorize(call, "patch")
        case ("eviction", .post), ("binding", .post): try await ResourceHandlers.authorize(call, "create")
        default: throw KubeError.methodNotAllowed("\(call.method.rawValue) is not supported on \(call.type.resource)/\(subresource)")
        }
        let ref = call.target.reference(name: name)
        switch subresource {
        case "status": return try await status(call, ref)
        case "scale": return try await scale(call, ref)
        case "binding": return try await bind(call, ref)
        default: return try await evict(call, ref)
        }
    }

    /// Only `.status` changes; everything else of the body is ignored.
    static func status(_ call: KubeCall, _ ref: ObjectReference) async throws -> Response {
        let old = try await call.store.get(ref)
        switch call.method {
        case .get: return KubeResponse.json(.ok, old)
        case .put:
            let body = try call.bodyObject()
            let sent = ObjectStore.revision(of: body)
            if sent != 0, sent != ObjectStore.revision(of: old) { throw KubeError.conflict(call.type, ref.name) }
            var new = old
            new["status"] = body["status"]
            return ResourceHandlers.respond(call, try await WriteHandlers.write(call, ref, old: old, new: new))
        default:
            let patched = try WriteHandlers.applyPatch(call, type: PatchType(contentType: call.contentType), to: old)
            var new = old
            new["status"] = patched["status"]
            return ResourceHandlers.respond(call, try await WriteHandlers.write(call, ref, old: old, new: new))
        }
    }

    /// autoscaling/v1 Scale over `spec.replicas`.
    static func scale(_ call: KubeCall, _ ref: ObjectReference) async throws -> Response {
        let old = try await call.store.get(ref)
        guard call.method != .get else { return KubeResponse.json(.ok, scaleObject(old)) }
        let current = scaleObject(old)
        let wanted: JSON
        if call.method == .put {
            wanted = try call.bodyObject()
        } else {
            let body = try call.bodyJSON()
            do {
                wanted = PatchType(contentType: call.contentType) == .json ? try Patch.applyJSONPatch(body, to: current) : Patch.applyMergePatch(body, to: current)
            } catch { throw KubeError.invalid(call.type, ref.name, field: "patch", message: "\(error)") }
        }
        guard let replicas = wanted[path: ["spec", "replicas"]]?.intValue, replicas >= 0 else {
            throw KubeError.invalid(call.type, ref.name, field: "spec.replicas", message: "must be a non-negative integer")
        }
        var new = old
        new[path: ["spec", "replicas"]] = .int(replicas)
        return KubeResponse.json(.ok, scaleObject(try await WriteHandlers.write(call, ref, old: old, new: new)))
    }

    static func scaleObject(_ object: JSON) -> JSON {
        let meta = object["metadata"] ?? [:]
        let labels = object[path: ["spec", "selector", "matchLabels"]]?.objectValue ?? [:]
        return [
            "kind": "Scale", "apiVersion": "autoscaling/v1",
            "metadata": ["name": meta["name"] ?? "", "namespace": meta["namespace"] ?? "", "uid": meta["uid"] ?? "",
                         "resourceVersion": meta["resourceVersion"] ?? "", "creationTimestamp": meta["creationTimestamp"] ?? .null],
            "spec": ["replicas": object[path: ["spec", "replicas"]] ?? 0],
            "status": ["replicas": object[path: ["status", "replicas"]] ?? 0,
                       "selector": .string(labels.keys.sorted().map { "\($0)=\(labels[$0]?.stringValue ?? "")" }.joined(separator: ","))],
        ]
    }

    /// v1 Binding (the scheduler's write): sets `spec.nodeName` of a pod that has none yet;
    /// a pod already bound elsewhere is a 409, as upstream.
    static func bind(_ call: KubeCall, _ ref: ObjectReference) async throws -> Response {
        let binding = try call.bodyObject()
        guard let node = binding[path: ["target", "name"]]?.stringValue, !node.isEmpty else {
            throw KubeError.invalid(call.type, ref.name, field: "target.name", message: "Required value")
        }
        let pod = try await call.store.get(ref)
        if let bound = pod[path: ["spec", "nodeName"]]?.stringValue, !bound.isEmpty {
            throw KubeError(
                code: 409, reason: "Conflict",
                message: "Operation cannot be fulfilled on pods/binding \"\(ref.name)\": pod \(ref.name) is already assigned to node \"\(bound)\"")
        }
        if pod[path: ["metadata", "deletionTimestamp"]] != nil {
            throw KubeError(code: 409, reason: "Conflict", message: "pod \(ref.name) is being deleted, cannot be assigned to a host")
        }
        var new = pod
        new[path: ["spec", "nodeName"]] = .string(node)
        _ = try await WriteHandlers.write(call, ref, old: pod, new: new)
        return KubeResponse.json(.created, ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "code": 201])
    }

    /// policy/v1 Eviction: the pod is deleted (no PodDisruptionBudgets are served, so none block it).
    static func evict(_ call: KubeCall, _ ref: ObjectReference) async throws -> Response {
        let eviction = try call.bodyObject()
        let pod = try await call.store.get(ref)
        if let name = eviction[path: ["metadata", "name"]]?.stringValue, !name.isEmpty, name != ref.name {
            throw KubeError.badRequest("name in URL does not match name in Eviction object")
        }
        try DeleteHandlers.checkPreconditions(eviction["deleteOptions"] ?? [:], pod, call.type, ref.name)
        try await Admission.admit(call, old: pod, new: nil)
        _ = try await DeleteHandlers.remove(call, ref, pod, orphan: false)
        return KubeResponse.json(.created, ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "code": 201])
    }
}
