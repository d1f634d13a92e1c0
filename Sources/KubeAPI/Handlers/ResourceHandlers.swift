import Foundation
import HTTPTypes
import Hummingbird

/// The verbs on resources: dispatch by method, name and subresource, then get and list here;
/// writes, deletes, watches and subresources live in their own files.
enum ResourceHandlers {
    static func serve(_ call: KubeCall) async throws -> Response {
        if call.type.resource == "selfsubjectaccessreviews" {
            guard call.method == .post, call.target.name == nil else { throw KubeError.methodNotAllowed("only create is supported on selfsubjectaccessreviews") }
            return try await AccessReview.create(call)
        }
        if let subresource = call.target.subresource {
            return try await Subresources.serve(call, subresource)
        }
        switch (call.method, call.target.name) {
        case (.get, let name?): return try await get(call, name)
        case (.get, nil): return call.flag("watch") ? try await WatchHandler.watch(call) : try await list(call)
        case (.post, nil): return try await WriteHandlers.create(call)
        case (.put, let name?): return try await WriteHandlers.update(call, name)
        case (.patch, let name?): return try await WriteHandlers.patch(call, name)
        case (.delete, let name?): return try await DeleteHandlers.delete(call, name)
        case (.delete, nil): return try await DeleteHandlers.deleteCollection(call)
        default:
            throw KubeError.methodNotAllowed("\(call.method.rawValue) is not supported on \(call.type.qualifiedName)\(call.target.name == nil ? "" : "/{name}")")
        }
    }

    static func authorize(_ call: KubeCall, _ verb: String, name: String? = nil) async throws(KubeError) {
        try await Authorization.check(plane: call.plane, user: call.user, now: call.now, Authorization.attributes(call, verb: verb, name: name))
    }

    static func get(_ call: KubeCall, _ name: String) async throws -> Response {
        try await authorize(call, "get")
        let object = try await call.store.get(call.target.reference(name: name))
        return respond(call, object)
    }

    /// One object, as a Table when kubectl asks for one (`kubectl get`).
    static func respond(_ call: KubeCall, _ object: JSON, status: HTTPResponse.Status = .ok) -> Response {
        if TableRenderer.wantsTable(accept: call.accept) {
            return KubeResponse.json(status, TableRenderer.table(
                call.type, objects: [object], resourceVersion: object[path: ["metadata", "resourceVersion"]]?.stringValue ?? "",
                continueToken: nil, includeObject: call.query["includeObject"] == "Object", includeColumnDefinitions: true, now: call.now))
        }
        if let sink = call.responseSink {
            sink.object = object
            return Response(status: status)
        }
        return KubeResponse.json(status, object)
    }

    static func list(_ call: KubeCall) async throws -> Response {
        try await authorize(call, "list")
        let filter = try Selection(call)
        let limit = call.query["limit"].flatMap(Int.init) ?? 0
        guard limit >= 0 else { throw KubeError.badRequest("limit must be a non-negative integer") }
        let page = try await call.store.list(
            call.type, namespace: call.target.namespace, limit: limit, continueToken: call.query["continue"], filter: filter.matches)
        if TableRenderer.wantsTable(accept: call.accept) {
            return KubeResponse.json(.ok, TableRenderer.table(
                call.type, objects: page.items, resourceVersion: String(page.resourceVersion), continueToken: page.continueToken,
                includeObject: call.query["includeObject"] == "Object", includeColumnDefinitions: true, now: call.now))
        }
        var metadata: JSON = ["resourceVersion": .string(String(page.resourceVersion))]
        if let token = page.continueToken { metadata["continue"] = .string(token) }
        return KubeResponse.json(.ok, [
            "kind": .string("\(call.type.kind)List"), "apiVersion": .string(call.type.apiVersion), "metadata": metadata,
            "items": .array(page.items),
        ])
    }
}

/// The label and field selectors of a list or watch.
struct Selection: Sendable {
    let labels: LabelSelector?
    let fields: FieldSelector?

    init(_ call: KubeCall) throws(KubeError) {
        do {
            labels = try call.query["labelSelector"].flatMap { $0.isEmpty ? nil : try LabelSelector.parse($0) }
            fields = try call.query["fieldSelector"].flatMap { $0.isEmpty ? nil : try FieldSelector.parse($0) }
        } catch {
            throw .badRequest("invalid selector: \(error)")
        }
    }

    /// The filter a watch applies; nil when there are no selectors (every object matches).
    var watchFilter: (@Sendable (JSON) -> Bool)? { labels == nil && fields == nil ? nil : matches }

    var matches: @Sendable (JSON) -> Bool {
        let labels = labels
        let fields = fields
        return { object in
            if let labels, !labels.matches(ObjectMeta.labels(object)) { return false }
            if let fields, !fields.matches(object) { return false }
            return true
        }
    }
}
