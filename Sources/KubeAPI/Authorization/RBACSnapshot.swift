/// A snapshot of a cluster's RBAC objects (Roles, ClusterRoles, RoleBindings, ClusterRoleBindings,
/// as stored JSON objects), indexed for evaluation. Take a new snapshot when they change.
public struct RBACSnapshot: Sendable {
    /// Role rules by `namespace/name`.
    let roles: [String: [PolicyRule]]
    /// ClusterRole rules by name.
    let clusterRoles: [String: [PolicyRule]]
    /// RoleBindings by namespace.
    let roleBindings: [String: [Binding]]
    let clusterRoleBindings: [Binding]

    public init(roles: [JSON], clusterRoles: [JSON], roleBindings: [JSON], clusterRoleBindings: [JSON]) {
        var roleRules: [String: [PolicyRule]] = [:]
        for role in roles {
            let namespace = role[path: ["metadata", "namespace"]]?.stringValue ?? ""
            let name = role[path: ["metadata", "name"]]?.stringValue ?? ""
            roleRules[Self.key(namespace, name)] = PolicyRule.rules(of: role)
        }
        var clusterRoleRules: [String: [PolicyRule]] = [:]
        for role in clusterRoles {
            clusterRoleRules[role[path: ["metadata", "name"]]?.stringValue ?? ""] = PolicyRule.rules(of: role)
        }
        self.roles = roleRules
        self.clusterRoles = clusterRoleRules
        self.roleBindings = Dictionary(grouping: roleBindings.map(Binding.init(json:)), by: \.namespace)
        self.clusterRoleBindings = clusterRoleBindings.map(Binding.init(json:))
    }

    static func key(_ namespace: String, _ name: String) -> String { "\(namespace)/\(name)" }

    /// The rules a role reference grants; nil when the role does not exist (or the reference is
    /// invalid, e.g. a ClusterRoleBinding naming a Role).
    func rules(of ref: RoleRef, bindingNamespace: String) -> [PolicyRule]? {
        switch ref.kind {
        case "ClusterRole": clusterRoles[ref.name]
        case "Role" where !bindingNamespace.isEmpty: roles[Self.key(bindingNamespace, ref.name)]
        default: nil
        }
    }
}

/// `roleRef` of a binding.
struct RoleRef: Sendable, Hashable {
    let kind: String
    let name: String
    let apiGroup: String

    init(json: JSON?) {
        kind = json?["kind"]?.stringValue ?? ""
        name = json?["name"]?.stringValue ?? ""
        apiGroup = json?["apiGroup"]?.stringValue ?? "rbac.authorization.k8s.io"
    }
}

/// One subject of a binding: a User, a Group or a ServiceAccount.
struct Subject: Sendable, Hashable {
    let kind: String
    let name: String
    let namespace: String

    /// Upstream `appliesToUser`. A ServiceAccount subject without a namespace means the
    /// binding's own namespace (so it never matches in a ClusterRoleBinding).
    func applies(to user: UserInfo, bindingNamespace: String) -> Bool {
        switch kind {
        case "User": return user.name == name
        case "Group": return user.groups.contains(name)
        case "ServiceAccount":
            let saNamespace = namespace.isEmpty ? bindingNamespace : namespace
            return !saNamespace.isEmpty && user.name == UserInfo.serviceAccountName(namespace: saNamespace, name: name)
        default: return false
        }
    }

    /// `User "alice"`, `ServiceAccount "builder/ci"`, as upstream names the subject in reasons.
    func described(bindingNamespace: String) -> String {
        guard kind == "ServiceAccount" else { return "\(kind) \(String(reflecting: name))" }
        return "\(kind) \(String(reflecting: name + "/" + (namespace.isEmpty ? bindingNamespace : namespace)))"
    }
}

/// A RoleBinding (namespace set) or a ClusterRoleBinding (namespace "").
struct Binding: Sendable, Hashable {
    let name: String
    let namespace: String
    let roleRef: RoleRef
    let subjects: [Subject]

    init(json: JSON) {
        name = json[path: ["metadata", "name"]]?.stringValue ?? ""
        namespace = json[path: ["metadata", "namespace"]]?.stringValue ?? ""
        roleRef = RoleRef(json: json["roleRef"])
        subjects = (json["subjects"]?.arrayValue ?? []).map { subject in
            Subject(
                kind: subject["kind"]?.stringValue ?? "", name: subject["name"]?.stringValue ?? "",
                namespace: subject["namespace"]?.stringValue ?? "")
        }
    }

    /// The first subject that names `user`.
    func subject(matching user: UserInfo) -> Subject? {
        subjects.first { $0.applies(to: user, bindingNamespace: namespace) }
    }

    /// `ClusterRoleBinding "x" of ClusterRole "y" to User "alice"` (upstream's describer).
    func described(to subject: Subject) -> String {
        let what =
            namespace.isEmpty
            ? "ClusterRoleBinding \(String(reflecting: name))" : "RoleBinding \(String(reflecting: name + "/" + namespace))"
        return "\(what) of \(roleRef.kind) \(String(reflecting: roleRef.name)) to \(subject.described(bindingNamespace: namespace))"
    }
}
