/// Where objects live in a cluster's datastore, as the real API server lays them out:
/// `/registry/{group|core}/{resource}/{namespace}/{name}` (cluster-scoped kinds omit the namespace).
enum ObjectKey {
    static func collection(_ type: ResourceType, namespace: String?) -> String {
        let base = "/registry/\(type.group.isEmpty ? "core" : type.group)/\(type.resource)/"
        if type.namespaced, let namespace, !namespace.isEmpty { return base + namespace + "/" }
        return base
    }

    static func object(_ type: ResourceType, namespace: String?, name: String) -> String {
        collection(type, namespace: namespace) + name
    }
}

/// An object's coordinates: its type, namespace ("" for cluster-scoped) and name.
public struct ObjectReference: Sendable, Hashable {
    public let type: ResourceType
    public let namespace: String
    public let name: String

    public init(_ type: ResourceType, namespace: String, name: String) {
        self.type = type
        self.namespace = type.namespaced ? namespace : ""
        self.name = name
    }

    var key: String { ObjectKey.object(type, namespace: namespace, name: name) }
}
