/// A field's `patchStrategy` struct tag, spelled as in kubernetes/api `types.go`.
enum PatchStrategy: String, Sendable {
    /// No tag: maps merge key by key, lists are replaced wholesale.
    case none = ""
    /// Lists merge element-wise (by the merge key, or as a set of primitives).
    case merge
    /// The client sends `$retainKeys`; the server honours it whatever the tag says.
    case retainKeys
    case mergeRetainKeys = "merge,retainKeys"
    /// The value is replaced wholesale, even a map.
    case replace

    var mergesLists: Bool { self == .merge || self == .mergeRetainKeys }
}

/// One tagged field of a Go API struct: how a strategic merge patch treats it, and which
/// struct (of this table) its value, or each element of its list, is.
struct PatchFieldRule: Sendable, Hashable {
    /// The Go struct that declares the field (`PodSpec`).
    let owner: String
    /// The field's JSON name (`containers`).
    let field: String
    let strategy: PatchStrategy
    /// `patchMergeKey`: the element field that identifies an element of a merged list of objects.
    let mergeKey: String?
    /// The struct of the value or of each list element, when it has rules of its own.
    let type: String?

    init(_ owner: String, _ field: String, _ strategy: PatchStrategy = .none, key: String? = nil, of type: String? = nil) {
        self.owner = owner
        self.field = field
        self.strategy = strategy
        self.mergeKey = key
        self.type = type
    }
}

/// The merge-key table of the strategic merge patch: for each kind its root struct, and for
/// each struct the fields that carry a patch strategy or lead to a struct that has some.
/// Fields not in the table merge as maps and replace as lists, as a struct field without tags does.
struct PatchSchema: Sendable {
    /// `apiVersion` + `kind` (`apps/v1 Deployment`) -> root struct.
    let kinds: [String: String]
    /// struct -> field -> rule.
    let structs: [String: [String: PatchFieldRule]]
    /// The struct of objects of a kind this table does not know (every object has `metadata`).
    let unknownKindRoot: String

    init(kinds: [(apiVersion: String, kind: String, root: String)], unknownKindRoot: String, rules: [PatchFieldRule]) {
        var byKind: [String: String] = [:]
        for entry in kinds { byKind["\(entry.apiVersion) \(entry.kind)"] = entry.root }
        var byStruct: [String: [String: PatchFieldRule]] = [:]
        for rule in rules { byStruct[rule.owner, default: [:]][rule.field] = rule }
        self.kinds = byKind
        self.structs = byStruct
        self.unknownKindRoot = unknownKindRoot
    }

    /// The root struct for an object, from its `apiVersion` and `kind`.
    func root(apiVersion: String?, kind: String?) -> String {
        guard let apiVersion, let kind else { return unknownKindRoot }
        return kinds["\(apiVersion) \(kind)"] ?? unknownKindRoot
    }

    /// The rule of `field` in struct `owner`; nil (no strategy, no known type) when untagged or unknown.
    func rule(_ field: String, in owner: String?) -> PatchFieldRule? {
        guard let owner else { return nil }
        return structs[owner]?[field]
    }
}
