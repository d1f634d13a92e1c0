import Foundation

extension OpenAPIv3 {
    /// A catalog verb as an OpenAPI operation: HTTP method, Kubernetes action, operationId verb.
    struct OperationSpec: Sendable {
        let verb: String
        let method: String
        let action: String
        let idVerb: String
    }

    static let collectionOperations = [
        OperationSpec(verb: "list", method: "get", action: "list", idVerb: "list"),
        OperationSpec(verb: "create", method: "post", action: "post", idVerb: "create"),
        OperationSpec(verb: "deletecollection", method: "delete", action: "deletecollection", idVerb: "deleteCollection"),
    ]
    static let itemOperations = [
        OperationSpec(verb: "get", method: "get", action: "get", idVerb: "read"),
        OperationSpec(verb: "update", method: "put", action: "put", idVerb: "replace"),
        OperationSpec(verb: "patch", method: "patch", action: "patch", idVerb: "patch"),
        OperationSpec(verb: "delete", method: "delete", action: "delete", idVerb: "delete"),
        OperationSpec(verb: "create", method: "post", action: "post", idVerb: "create"),
    ]

    /// Query parameters of each action. kubectl checks the PATCH operation for `fieldValidation`
    /// before it trusts the server to validate (`apply`, `create -f`).
    static let actionParameters: [String: [String]] = [
        "list": ["labelSelector", "fieldSelector", "limit", "continue", "resourceVersion", "resourceVersionMatch", "watch",
                 "allowWatchBookmarks", "timeoutSeconds", "sendInitialEvents"],
        "post": ["dryRun", "fieldManager", "fieldValidation"],
        "put": ["dryRun", "fieldManager", "fieldValidation"],
        "patch": ["dryRun", "fieldManager", "fieldValidation", "force"],
        "delete": ["dryRun", "gracePeriodSeconds", "propagationPolicy"],
        "deletecollection": ["dryRun", "gracePeriodSeconds", "propagationPolicy", "labelSelector", "fieldSelector", "limit", "continue"],
    ]

    static let queryParameters: [String: (type: String, description: String)] = [
        "labelSelector": ("string", "A selector to restrict the list of returned objects by their labels."),
        "fieldSelector": ("string", "A selector to restrict the list of returned objects by their fields."),
        "limit": ("integer", "Maximum number of responses to return for a list call."),
        "continue": ("string", "The continue token of a previous list call, to get the next page."),
        "resourceVersion": ("string", "Constrains what resource versions a request may be served from."),
        "resourceVersionMatch": ("string", "How resourceVersion is applied to list calls."),
        "watch": ("boolean", "Watch for changes to the described resources and return them as a stream."),
        "allowWatchBookmarks": ("boolean", "Requests watch events with type BOOKMARK."),
        "timeoutSeconds": ("integer", "Timeout for the list/watch call."),
        "sendInitialEvents": ("boolean", "Start a watch stream with synthetic events for the current state."),
        "dryRun": ("string", "When present, modifications are not persisted. Valid value: All."),
        "fieldManager": ("string", "A name associated with the actor or entity making these changes."),
        "fieldValidation": ("string", "How the server handles unknown or duplicate fields: Ignore, Warn or Strict."),
        "force": ("boolean", "Force apply requests: re-acquire conflicting fields owned by other managers."),
        "gracePeriodSeconds": ("integer", "The duration in seconds before the object should be deleted."),
        "propagationPolicy": ("string", "Whether and how garbage collection is performed: Orphan, Background or Foreground."),
    ]

    /// Only non-strategic patch types: listing strategic merge would make kubectl compute patches
    /// from these (partial) schemas instead of its compiled-in types.
    static let patchContentTypes = ["application/apply-patch+yaml", "application/merge-patch+json", "application/json-patch+json"]

    /// Collection, item, all-namespaces list and subresource paths of a type.
    static func pathItems(_ type: ResourceType) -> [(String, JSON)] {
        let scope = type.namespaced ? "/namespaces/{namespace}" : ""
        let collection = type.groupVersion.path + scope + "/" + type.resource
        let stem = operationStem(type.groupVersion) + (type.namespaced ? "Namespaced" : "") + type.kind
        let kind = Target(group: type.group, version: type.version, kind: type.kind)
        var items: [(String, JSON)] = []
        func add(_ path: String, _ specs: [OperationSpec], verbs: [String], target: Target, idSuffix: String = "", named: Bool) {
            var item: [String: JSON] = [:]
            for spec in specs where verbs.contains(spec.verb) && item[spec.method] == nil {
                item[spec.method] = operation(spec, id: spec.idVerb + stem + idSuffix, target: target, tag: tag(type.groupVersion))
            }
            guard !item.isEmpty else { return }
            var parameters: [JSON] = []
            if named { parameters.append(pathParameter("name", "name of the \(type.kind)")) }
            if type.namespaced { parameters.append(pathParameter("namespace", "object name and auth scope, such as for teams and projects")) }
            item["parameters"] = .array(parameters)
            items.append((path, .object(item)))
        }
        add(collection, collectionOperations, verbs: type.verbs, target: kind, named: false)
        add(collection + "/{name}", Array(itemOperations.dropLast()), verbs: type.verbs, target: kind, named: true)
        for sub in type.subresources {
            let target = Target(group: sub.group, version: sub.version, kind: sub.kind)
            let suffix = sub.name.prefix(1).uppercased() + sub.name.dropFirst()
            add(collection + "/{name}/" + sub.name, itemOperations, verbs: sub.verbs, target: target, idSuffix: suffix, named: true)
        }
        if type.namespaced, type.verbs.contains("list") {
            let spec = collectionOperations[0]
            let id = "list" + operationStem(type.groupVersion) + type.kind + "ForAllNamespaces"
            let item: JSON = ["get": operation(spec, id: id, target: kind, tag: tag(type.groupVersion)), "parameters": []]
            items.append((type.groupVersion.path + "/" + type.resource, item))
        }
        return items
    }

    /// The kind an operation is about (also on list operations, as Kubernetes does: kubectl explain
    /// finds the kind from the first matching path, which for pods is the `/api/v1/pods` list).
    struct Target {
        let group: String
        let version: String
        let kind: String
        func ref(list: Bool = false) -> JSON {
            ["$ref": .string(refPrefix + schemaName(group: group, version: version, kind: kind + (list ? "List" : "")))]
        }
        var gvk: JSON { ["group": .string(group), "version": .string(version), "kind": .string(kind)] }
    }

    static func operation(_ spec: OperationSpec, id: String, target: Target, tag: String) -> JSON {
        var operation: JSON = [
            "operationId": .string(id),
            "description": .string("\(spec.idVerb) \(spec.action == "list" ? "objects of kind" : "the specified") \(target.kind)"),
            "tags": [.string(tag)],
            "x-kubernetes-action": .string(spec.action),
            // An object here (an array on schemas): kubectl explain and validation match on it.
            "x-kubernetes-group-version-kind": target.gvk,
            "parameters": .array((actionParameters[spec.action] ?? []).map(queryParameter)),
        ]
        let okBody: JSON = ["application/json": ["schema": target.ref(list: spec.action == "list")]]
        var responses: [String: JSON] = ["200": ["description": "OK", "content": okBody], "401": ["description": "Unauthorized"]]
        switch spec.action {
        case "post":
            operation["requestBody"] = ["required": true, "content": ["*/*": ["schema": target.ref()]]]
            responses["201"] = ["description": "Created", "content": okBody]
        case "put":
            operation["requestBody"] = ["required": true, "content": ["*/*": ["schema": target.ref()]]]
        case "patch":
            let schema: JSON = ["schema": ["$ref": .string(refPrefix + meta("Patch"))]]
            let content = Dictionary(uniqueKeysWithValues: patchContentTypes.map { ($0, schema) })
            operation["requestBody"] = ["required": true, "content": .object(content)]
        case "delete", "deletecollection":
            operation["requestBody"] = ["content": ["*/*": ["schema": ["$ref": .string(refPrefix + meta("DeleteOptions"))]]]]
            if spec.action == "deletecollection" {
                let status: JSON = ["schema": ["$ref": .string(refPrefix + meta("Status"))]]
                responses["200"] = ["description": "OK", "content": ["application/json": status]]
            }
        default: break
        }
        operation["responses"] = .object(responses)
        return operation
    }

    static func queryParameter(_ name: String) -> JSON {
        let info = queryParameters[name] ?? ("string", "")
        return ["name": .string(name), "in": "query", "description": .string(info.description), "schema": ["type": .string(info.type)]]
    }

    static func pathParameter(_ name: String, _ description: String) -> JSON {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": ["type": "string"]]
    }

    /// `CoreV1`, `AppsV1`, `RbacAuthorizationV1`: the group-version part of Kubernetes' operation ids.
    static func operationStem(_ gv: GroupVersion) -> String {
        let group = gv.group.isEmpty ? "core" : gv.group.replacingOccurrences(of: ".k8s.io", with: "")
        let words = group.split(separator: ".").map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return words.joined() + gv.version.prefix(1).uppercased() + gv.version.dropFirst()
    }

    /// `core_v1`, `apps_v1`, `rbacAuthorization_v1`.
    static func tag(_ gv: GroupVersion) -> String {
        let stem = operationStem(gv)
        let group = stem.dropLast(gv.version.count)
        return group.prefix(1).lowercased() + group.dropFirst() + "_" + gv.version
    }
}
