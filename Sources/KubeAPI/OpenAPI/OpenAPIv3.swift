/// The `/openapi/v3` documents, one per served group-version, generated from the catalog and the
/// schema tables. kubectl uses them for `explain` and to learn that the server validates fields
/// (the `fieldValidation` parameter on PATCH), so `apply` and `create -f` need no client schema.
public enum OpenAPIv3 {
    /// `/openapi/v3` root: every group-version's document path with a hash of its content.
    public static func root() -> JSON {
        var paths: [String: JSON] = [:]
        for (path, document) in documents {
            paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(document.hash)")]
        }
        return ["paths": .object(paths)]
    }

    /// The document for one group-version (`api/v1`, `apis/apps/v1`; a leading `/` is ignored), nil when unknown.
    public static func document(path: String) -> JSON? {
        let key = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return documents[key]?.body
    }

    struct Document: Sendable {
        let body: JSON
        let hash: String
    }

    /// Built once: the catalog and schema tables are constants.
    static let documents: [String: Document] = {
        var result: [String: Document] = [:]
        for gv in ResourceCatalog.groupVersions {
            let body = buildDocument(gv)
            result[String(gv.path.dropFirst())] = Document(body: body, hash: fnv1aHex(body.serialized()))
        }
        return result
    }()

    static let allDefinitions: [String: Definition] = Dictionary(
        (metaDefinitions + podDefinitions + podStatusDefinitions + coreDefinitions + workloadDefinitions + accessDefinitions)
            .map { ($0.name, $0) },
        uniquingKeysWith: { first, _ in first })

    static func buildDocument(_ gv: GroupVersion) -> JSON {
        let types = ResourceCatalog.served.filter { $0.groupVersion == gv }
        var paths: [String: JSON] = [:]
        var roots: [Definition] = []
        for type in types {
            for (path, item) in pathItems(type) { paths[path] = item }
            let kind = kindDefinition(type)
            roots.append(kind)
            roots.append(listDefinition(type, itemSchema: kind.name))
            for sub in type.subresources {
                let name = schemaName(group: sub.group, version: sub.version, kind: sub.kind)
                if let definition = allDefinitions[name] { roots.append(definition) }
            }
        }
        var schemas: [String: JSON] = [:]
        // Operations refer to these whatever the kinds are.
        var pending = roots + [meta("Status"), meta("Patch"), meta("DeleteOptions")].compactMap { allDefinitions[$0] }
        while let definition = pending.popLast() {
            guard schemas[definition.name] == nil else { continue }
            schemas[definition.name] = definition.schema
            for name in definition.references where schemas[name] == nil {
                if let next = allDefinitions[name] {
                    pending.append(next)
                } else if let scalar = scalarSchemas[name] {
                    schemas[name] = scalar
                }
            }
        }
        return [
            "openapi": "3.0.0",
            "info": ["title": "Kubernetes", "version": "unversioned"],
            "paths": .object(paths),
            "components": ["schemas": .object(schemas)],
        ]
    }

    /// The kind's table entry, or a permissive one (spec and status as open objects) for a kind
    /// the tables do not describe yet, so every served type has a schema.
    static func kindDefinition(_ type: ResourceType) -> Definition {
        let name = schemaName(group: type.group, version: type.version, kind: type.kind)
        if let definition = allDefinitions[name] { return definition }
        return Definition(
            kind: type.kind, group: type.group, version: type.version, "\(type.kind) (\(type.apiVersion)).",
            [Field("spec", .freeform, "The desired state."), Field("status", .freeform, "The observed state.")])
    }

    static func listDefinition(_ type: ResourceType, itemSchema: String) -> Definition {
        Definition(
            kind: type.kind + "List", group: type.group, version: type.version, "A list of \(type.kind) objects.",
            [Field("items", .array(.ref(itemSchema)), "List of \(type.resource).", required: true)], listMeta: true)
    }

    /// 64-bit FNV-1a as 16 upper-case hex digits: stable across runs, changes with the document.
    static func fnv1aHex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
