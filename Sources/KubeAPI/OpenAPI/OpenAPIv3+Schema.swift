extension OpenAPIv3 {
    /// The type of a field in a schema table; rendered to OpenAPI v3 by `schema`.
    indirect enum FieldType: Sendable {
        case string, integer, boolean, number
        /// `metav1.Time` and `MicroTime`: RFC 3339 strings.
        case dateTime
        /// Base64 data (`Secret.data`).
        case bytes
        /// A Quantity (`500m`, `1Gi`), served as a string.
        case quantity
        /// A port or percentage that may be an integer or a string.
        case intOrString
        /// Another named schema (`io.k8s.api.core.v1.PodSpec`).
        case ref(String)
        case array(FieldType)
        /// A map with string keys (`labels`, `data`).
        case map(FieldType)
        /// An object whose content is not described.
        case freeform

        /// Named schemas this type points at, for collecting a document's components.
        var references: [String] {
            switch self {
            case .ref(let name): [name]
            case .intOrString: [OpenAPIv3.intOrStringName]
            case .array(let item), .map(let item): item.references
            default: []
            }
        }

        /// The schema of a value of this type, without a description.
        var schema: JSON {
            switch self {
            case .string: ["type": "string"]
            case .integer: ["type": "integer"]
            case .boolean: ["type": "boolean"]
            case .number: ["type": "number"]
            case .dateTime: ["type": "string", "format": "date-time"]
            case .bytes: ["type": "string", "format": "byte"]
            case .quantity: ["type": "string"]
            case .intOrString: ["$ref": .string(OpenAPIv3.refPrefix + OpenAPIv3.intOrStringName)]
            case .ref(let name): ["$ref": .string(OpenAPIv3.refPrefix + name)]
            case .array(let item): ["type": "array", "items": item.schema]
            case .map(let item): ["type": "object", "additionalProperties": item.schema]
            case .freeform: ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
            }
        }
    }

    /// One property of a schema: name, type, a short description, and whether it is required.
    struct Field: Sendable {
        let name: String
        let type: FieldType
        let description: String
        let required: Bool

        init(_ name: String, _ type: FieldType, _ description: String, required: Bool = false) {
            self.name = name
            self.type = type
            self.description = description
            self.required = required
        }

        /// A reference is wrapped in `allOf` so that it can carry its own description, as Kubernetes does.
        var schema: JSON {
            var schema: JSON
            switch type {
            case .ref, .intOrString: schema = ["allOf": [type.schema]]
            default: schema = type.schema
            }
            schema["description"] = .string(description)
            return schema
        }
    }

    /// A named object schema. Kinds carry their group-version-kind (kubectl explain finds them by it)
    /// and get `apiVersion`, `kind` and `metadata` in front of their own fields.
    struct Definition: Sendable {
        let name: String
        let description: String
        let fields: [Field]
        let gvk: (group: String, version: String, kind: String)?

        init(_ name: String, _ description: String, _ fields: [Field]) {
            self.name = name
            self.description = description
            self.fields = fields
            self.gvk = nil
        }

        init(
            kind: String, group: String, version: String, name: String? = nil, _ description: String, _ fields: [Field],
            listMeta: Bool = false
        ) {
            self.name = name ?? OpenAPIv3.schemaName(group: group, version: version, kind: kind)
            self.description = description
            let metadata = listMeta
                ? Field("metadata", .ref(OpenAPIv3.meta("ListMeta")), "Standard list metadata.")
                : Field("metadata", .ref(OpenAPIv3.meta("ObjectMeta")), "Standard object's metadata.")
            self.fields = [
                Field("apiVersion", .string, "APIVersion defines the versioned schema of this representation of an object."),
                Field("kind", .string, "Kind is a string value representing the REST resource this object represents."),
                metadata,
            ] + fields
            self.gvk = (group, version, kind)
        }

        var references: [String] { fields.flatMap(\.type.references) }

        var schema: JSON {
            var properties: [String: JSON] = [:]
            for field in fields { properties[field.name] = field.schema }
            var schema: JSON = ["type": "object", "description": .string(description), "properties": .object(properties)]
            let required = fields.filter(\.required).map { JSON.string($0.name) }
            if !required.isEmpty { schema["required"] = .array(required) }
            if let gvk {
                schema["x-kubernetes-group-version-kind"] = [
                    ["group": .string(gvk.group), "kind": .string(gvk.kind), "version": .string(gvk.version)]
                ]
            }
            return schema
        }
    }

    static let refPrefix = "#/components/schemas/"
    static let intOrStringName = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"

    /// `io.k8s.api.core.v1.Pod`, `io.k8s.api.rbac.v1.Role`: the package is the group's first label.
    static func schemaName(group: String, version: String, kind: String) -> String {
        let package = group.isEmpty ? "core" : String(group.split(separator: ".").first ?? "")
        return "io.k8s.api.\(package).\(version).\(kind)"
    }

    static func core(_ name: String) -> String { "io.k8s.api.core.v1.\(name)" }
    static func apps(_ name: String) -> String { "io.k8s.api.apps.v1.\(name)" }
    static func rbac(_ name: String) -> String { "io.k8s.api.rbac.v1.\(name)" }
    static func meta(_ name: String) -> String { "io.k8s.apimachinery.pkg.apis.meta.v1.\(name)" }
}
