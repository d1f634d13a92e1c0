/// What a path under `/clusters/{uid}` asks for.
enum KubePath: Equatable {
    case version
    case apiRoot
    case apisRoot
    case groupVersion(GroupVersion)
    case openAPIv3Root
    case openAPIv3(String)
    case openAPIv2
    case health
    case resource(ResourceTarget)

    /// Parses the path after the cluster prefix (`/api/v1/namespaces/default/pods/web-1`).
    static func parse(_ path: String) throws(KubeError) -> KubePath {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first else { throw .pathNotFound(path) }
        switch first {
        case "version" where parts.count == 1: return .version
        case "healthz", "livez", "readyz": return .health
        case "openapi":
            if parts.count == 2, parts[1] == "v2" { return .openAPIv2 }
            if parts.count == 2, parts[1] == "v3" { return .openAPIv3Root }
            if parts.count > 2, parts[1] == "v3" { return .openAPIv3(parts.dropFirst(2).joined(separator: "/")) }
        case "api":
            if parts.count == 1 { return .apiRoot }
            return try resourcePath(GroupVersion(group: "", version: parts[1]), Array(parts.dropFirst(2)), path)
        case "apis":
            if parts.count == 1 { return .apisRoot }
            if parts.count >= 3 { return try resourcePath(GroupVersion(group: parts[1], version: parts[2]), Array(parts.dropFirst(3)), path) }
        default: break
        }
        throw .pathNotFound(path)
    }

    private static func resourcePath(_ gv: GroupVersion, _ rest: [String], _ path: String) throws(KubeError) -> KubePath {
        guard ResourceCatalog.groupVersions.contains(gv) else { throw .pathNotFound(path) }
        if rest.isEmpty { return .groupVersion(gv) }
        func type(_ resource: String) -> ResourceType? { ResourceCatalog.type(group: gv.group, version: gv.version, resource: resource) }
        if rest[0] == "namespaces", rest.count >= 3, let namespaced = type(rest[2]), namespaced.namespaced {
            guard rest.count <= 5 else { throw .pathNotFound(path) }
            return .resource(ResourceTarget(
                type: namespaced, namespace: rest[1], name: rest.count > 3 ? rest[3] : nil, subresource: rest.count > 4 ? rest[4] : nil))
        }
        guard let type = type(rest[0]), rest.count <= 3 else { throw .pathNotFound(path) }
        return .resource(ResourceTarget(
            type: type, namespace: nil, name: rest.count > 1 ? rest[1] : nil, subresource: rest.count > 2 ? rest[2] : nil))
    }
}

/// A resource request's target: the type, the namespace (nil: all or cluster-scoped), the
/// object's name (nil: the collection) and a subresource.
struct ResourceTarget: Equatable {
    let type: ResourceType
    let namespace: String?
    let name: String?
    let subresource: String?

    func reference(name: String) -> ObjectReference {
        ObjectReference(type, namespace: namespace ?? "", name: name)
    }
}
