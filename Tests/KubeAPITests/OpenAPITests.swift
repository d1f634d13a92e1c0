import KubeAPI
import Testing

@Suite struct OpenAPITests {
    static func schemas(_ path: String) -> [String: JSON] {
        OpenAPIv3.document(path: path)?[path: ["components", "schemas"]]?.objectValue ?? [:]
    }

    /// Follows `allOf:[{$ref}]` / `$ref` to the named schema, as kubectl explain does.
    static func resolve(_ schema: JSON?, in schemas: [String: JSON]) -> JSON? {
        let ref = schema?["$ref"]?.stringValue ?? schema?["allOf"]?.arrayValue?.first?["$ref"]?.stringValue
        guard let ref else { return schema }
        return schemas[String(ref.dropFirst("#/components/schemas/".count))]
    }

    @Test("the root lists every group-version with a hashed serverRelativeURL that serves its document")
    func rootPointsAtDocuments() throws {
        let paths = try #require(OpenAPIv3.root()["paths"]?.objectValue)
        #expect(Set(paths.keys) == Set(ResourceCatalog.groupVersions.map { String($0.path.dropFirst()) }))
        let url = try #require(paths["apis/apps/v1"]?["serverRelativeURL"]?.stringValue)
        #expect(url.hasPrefix("/openapi/v3/apis/apps/v1?hash="))
        #expect(url.count > "/openapi/v3/apis/apps/v1?hash=".count)
        #expect(OpenAPIv3.root() == OpenAPIv3.root())
        #expect(OpenAPIv3.document(path: "api/v1")?["openapi"] == "3.0.0")
        #expect(OpenAPIv3.document(path: "/apis/apps/v1") != nil)
        #expect(OpenAPIv3.document(path: "apis/batch/v1") == nil)
    }

    @Test("every served type has collection and item paths whose operations carry its GVK, and a schema")
    func everyTypeIsDocumented() throws {
        for type in ResourceCatalog.served {
            let doc = try #require(OpenAPIv3.document(path: String(type.groupVersion.path.dropFirst())))
            let scope = type.namespaced ? "/namespaces/{namespace}" : ""
            let collection = type.groupVersion.path + scope + "/" + type.resource
            let gvk: JSON = ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)]
            if type.verbs.contains("get") {
                #expect(doc[path: ["paths", collection + "/{name}", "get", "x-kubernetes-group-version-kind"]] == gvk, "\(type.kind)")
                #expect(doc[path: ["paths", collection + "/{name}", "patch", "x-kubernetes-group-version-kind"]] == gvk, "\(type.kind)")
            }
            if type.verbs.contains("create") {
                #expect(doc[path: ["paths", collection, "post", "x-kubernetes-group-version-kind"]] == gvk, "\(type.kind)")
            }
            let schemaGVK: JSON = [["group": .string(type.group), "kind": .string(type.kind), "version": .string(type.version)]]
            let schemas = Self.schemas(String(type.groupVersion.path.dropFirst()))
            let schema = schemas.values.first { $0["x-kubernetes-group-version-kind"] == schemaGVK }
            #expect(schema?["description"]?.stringValue?.isEmpty == false, "\(type.kind)")
            #expect(schema?[path: ["properties", "metadata"]] != nil, "\(type.kind)")
        }
    }

    @Test("namespaced types also have the all-namespaces list path; cluster types have none under namespaces")
    func scopePaths() {
        let core = OpenAPIv3.document(path: "api/v1")
        // The GVK is the kind's even on lists (explain reads the first path it finds); the response is the list.
        #expect(core?[path: ["paths", "/api/v1/pods", "get", "x-kubernetes-group-version-kind", "kind"]] == "Pod")
        let listSchema = core?[path: ["paths", "/api/v1/pods", "get", "responses", "200", "content", "application/json", "schema", "$ref"]]
        #expect(listSchema == "#/components/schemas/io.k8s.api.core.v1.PodList")
        #expect(core?[path: ["paths", "/api/v1/namespaces/{namespace}/pods/{name}", "delete"]] != nil)
        #expect(core?[path: ["paths", "/api/v1/nodes/{name}", "put"]] != nil)
        #expect(core?[path: ["paths", "/api/v1/namespaces/{namespace}/nodes"]] == nil)
        let eviction = core?[path: ["paths", "/api/v1/namespaces/{namespace}/pods/{name}/eviction", "post", "x-kubernetes-group-version-kind"]]
        #expect(eviction == ["group": "policy", "version": "v1", "kind": "Eviction"])
    }

    @Test("item PATCH takes fieldValidation and only apply, merge and JSON patch bodies")
    func patchOperation() throws {
        let doc = try #require(OpenAPIv3.document(path: "apis/apps/v1"))
        let patch = try #require(doc[path: ["paths", "/apis/apps/v1/namespaces/{namespace}/deployments/{name}", "patch"]])
        let parameters = patch["parameters"]?.arrayValue ?? []
        let fieldValidation = try #require(parameters.first { $0["name"] == "fieldValidation" })
        #expect(fieldValidation["in"] == "query")
        #expect(fieldValidation["schema"] == ["type": "string"])
        let types = patch[path: ["requestBody", "content"]]?.objectValue?.keys.sorted()
        #expect(types == ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"])
        #expect(patch["x-kubernetes-group-version-kind"] == ["group": "apps", "version": "v1", "kind": "Deployment"])
    }

    @Test("the Pod schema explains: GVK array, description, typed metadata, spec and containers")
    func podSchema() throws {
        let schemas = Self.schemas("api/v1")
        let pod = try #require(schemas["io.k8s.api.core.v1.Pod"])
        #expect(pod["x-kubernetes-group-version-kind"] == [["group": "", "kind": "Pod", "version": "v1"]])
        #expect(pod[path: ["properties", "apiVersion", "type"]] == "string")
        let meta = try #require(Self.resolve(pod[path: ["properties", "metadata"]], in: schemas))
        #expect(meta[path: ["properties", "labels", "additionalProperties", "type"]] == "string")
        #expect(meta[path: ["properties", "generation", "type"]] == "integer")
        #expect(meta[path: ["properties", "ownerReferences", "type"]] == "array")
        let spec = try #require(Self.resolve(pod[path: ["properties", "spec"]], in: schemas))
        #expect(spec["required"] == ["containers"])
        let container = try #require(Self.resolve(spec[path: ["properties", "containers", "items"]], in: schemas))
        #expect(container[path: ["properties", "image", "type"]] == "string")
        let port = try #require(Self.resolve(container[path: ["properties", "ports", "items"]], in: schemas))
        #expect(port[path: ["properties", "containerPort", "type"]] == "integer")
        let resources = try #require(Self.resolve(container[path: ["properties", "resources"]], in: schemas))
        #expect(resources[path: ["properties", "limits", "additionalProperties", "type"]] == "string")
    }

    @Test("apps/v1 carries the pod template it refers to; IntOrString is marked, not typed")
    func deploymentSchema() throws {
        let schemas = Self.schemas("apis/apps/v1")
        let deployment = try #require(schemas["io.k8s.api.apps.v1.Deployment"])
        let spec = try #require(Self.resolve(deployment[path: ["properties", "spec"]], in: schemas))
        #expect(spec[path: ["properties", "replicas", "type"]] == "integer")
        #expect(Self.resolve(spec[path: ["properties", "template"]], in: schemas)?[path: ["properties", "spec"]] != nil)
        let strategy = try #require(Self.resolve(spec[path: ["properties", "strategy"]], in: schemas))
        let rolling = try #require(Self.resolve(strategy[path: ["properties", "rollingUpdate"]], in: schemas))
        let maxSurge = try #require(Self.resolve(rolling[path: ["properties", "maxSurge"]], in: schemas))
        #expect(maxSurge["x-kubernetes-int-or-string"] == true)
        #expect(maxSurge["type"] == nil)
    }

    @Test("every $ref in every document resolves inside that document")
    func referencesResolve() {
        func refs(_ value: JSON) -> [String] {
            switch value {
            case .object(let members):
                return (members["$ref"]?.stringValue.map { [$0] } ?? []) + members.values.flatMap(refs)
            case .array(let items): return items.flatMap(refs)
            default: return []
            }
        }
        for gv in ResourceCatalog.groupVersions {
            let path = String(gv.path.dropFirst())
            let doc = OpenAPIv3.document(path: path) ?? [:]
            let names = Set(Self.schemas(path).keys)
            let missing = refs(doc).map { String($0.dropFirst("#/components/schemas/".count)) }.filter { !names.contains($0) }
            #expect(missing.isEmpty, "\(path): \(missing)")
        }
    }
}
