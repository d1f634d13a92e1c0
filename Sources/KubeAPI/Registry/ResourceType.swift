/// One served resource type: where it lives in the API, how discovery names it, which
/// subresources it has and how `kubectl get` prints it. The served types are this data
/// (`ResourceCatalog.served`); storage, discovery, OpenAPI and tables all read it.
public struct ResourceType: Sendable, Hashable {
    /// API group, "" for the legacy core group.
    public let group: String
    public let version: String
    /// Plural, lower case: the URL segment (`pods`).
    public let resource: String
    public let kind: String
    public let singular: String
    public let namespaced: Bool
    public let shortNames: [String]
    public let categories: [String]
    public let verbs: [String]
    public let subresources: [Subresource]
    /// Columns of `kubectl get` (the Table response), after the Name column.
    public let columns: [TableColumn]
    /// Only the `status` subresource may change `.status`; the main resource ignores it.
    public var hasStatus: Bool { subresources.contains { $0.name == "status" } }

    public init(
        group: String, version: String, resource: String, kind: String, namespaced: Bool,
        shortNames: [String] = [], categories: [String] = [], verbs: [String] = ResourceType.allVerbs,
        subresources: [Subresource] = [], columns: [TableColumn] = []
    ) {
        self.group = group
        self.version = version
        self.resource = resource
        self.kind = kind
        self.singular = kind.lowercased()
        self.namespaced = namespaced
        self.shortNames = shortNames
        self.categories = categories
        self.verbs = verbs
        self.subresources = subresources
        self.columns = columns
    }

    public static let allVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    /// `v1` or `apps/v1`: the `apiVersion` of the objects.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    public var groupVersion: GroupVersion { GroupVersion(group: group, version: version) }
    /// `pods` or `deployments.apps`, as RBAC and error messages name it.
    public var qualifiedName: String { group.isEmpty ? resource : "\(resource).\(group)" }
}

public struct GroupVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let group: String
    public let version: String

    public init(group: String, version: String) {
        self.group = group
        self.version = version
    }

    public var description: String { group.isEmpty ? version : "\(group)/\(version)" }
    /// `/api/v1` or `/apis/apps/v1`.
    public var path: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    public static func < (a: GroupVersion, b: GroupVersion) -> Bool { a.description < b.description }
}

public struct Subresource: Sendable, Hashable {
    public let name: String
    /// The kind the subresource takes and returns (`Eviction` in `policy/v1`).
    public let group: String
    public let version: String
    public let kind: String
    public let verbs: [String]

    public init(name: String, group: String, version: String, kind: String, verbs: [String]) {
        self.name = name
        self.group = group
        self.version = version
        self.kind = kind
        self.verbs = verbs
    }
}

/// A `kubectl get` column: its header and where its cell comes from.
public struct TableColumn: Sendable, Hashable {
    public let name: String
    /// `string`, `integer`, `date`.
    public let type: String
    /// Shown only with `-o wide` when > 0.
    public let priority: Int
    public let cell: Cell

    public init(_ name: String, _ cell: Cell, type: String = "string", priority: Int = 0) {
        self.name = name
        self.type = type
        self.priority = priority
        self.cell = cell
    }

    /// How a cell is computed from the object. Plain paths cover most columns; the rest are
    /// named computations kubectl users know from real clusters.
    public enum Cell: Sendable, Hashable {
        /// The value at a dotted path (`status.phase`); `<none>` when absent.
        case path([String])
        /// Object age from `metadata.creationTimestamp` (`5m`, `3d`).
        case age
        /// Number of entries of a map or list at a path (configmap `Data`).
        case count([String])
        /// Comma-joined list of strings at a path, or `<none>`.
        case joined([String])
        /// `ready/total` from two integer paths (`1/3`).
        case ratio([String], [String])
        /// Computed by a named function in `TableCells` (pod Ready, node Status/Roles...).
        case computed(String)
    }
}
