/// RBAC escalation prevention, as upstream `pkg/registry/rbac` (role and binding storage): a user
/// may only grant permissions they already hold, unless they have `escalate` (roles) or `bind`
/// (bindings) on the role in question. Members of `system:masters` may always.
extension RBACAuthorizer {
    static let rbacGroup = "rbac.authorization.k8s.io"

    /// May `user` create or update the Role or ClusterRole `object` in `namespace` ("" for a
    /// ClusterRole)? The kind comes from `object.kind`, else from whether `namespace` is set.
    public func mayWriteRole(_ user: UserInfo, role object: JSON, namespace: String) -> AuthorizationDecision {
        if user.isPrivileged {
            return Self.privilegedDecision
        }
        let isClusterRole = object["kind"]?.stringValue.map { $0 == "ClusterRole" } ?? namespace.isEmpty
        let scope = isClusterRole ? "" : namespace
        let escalate = RequestAttributes(
            verb: "escalate", group: Self.rbacGroup, resource: isClusterRole ? "clusterroles" : "roles", namespace: scope,
            name: object[path: ["metadata", "name"]]?.stringValue ?? "")
        let viaEscalate = authorize(user, escalate)
        if viaEscalate.allowed { return viaEscalate }
        return confirmNoEscalation(user, granting: PolicyRule.rules(of: object), namespace: scope)
    }

    /// May `user` create or update the RoleBinding or ClusterRoleBinding `object` in `namespace`
    /// ("" for a ClusterRoleBinding)? Allowed with `bind` on the referenced role, or when the user
    /// already holds every permission of it; a role missing from the snapshot is not covered.
    public func mayWriteBinding(_ user: UserInfo, binding object: JSON, namespace: String) -> AuthorizationDecision {
        if user.isPrivileged {
            return Self.privilegedDecision
        }
        let ref = RoleRef(json: object["roleRef"])
        // `bind` is checked in the binding's namespace: this lets a user bind particular
        // ClusterRoles in RoleBindings of particular namespaces (upstream `BindingAuthorized`).
        if ref.kind == "Role" || ref.kind == "ClusterRole" {
            let bind = RequestAttributes(
                verb: "bind", group: ref.apiGroup, resource: ref.kind == "Role" ? "roles" : "clusterroles", namespace: namespace,
                name: ref.name)
            let viaBind = authorize(user, bind)
            if viaBind.allowed { return viaBind }
        }
        guard let granted = snapshot.rules(of: ref, bindingNamespace: namespace) else {
            let role = "\(ref.kind.isEmpty ? "role" : ref.kind) \(String(reflecting: ref.name))"
            let reason = "user \(String(reflecting: user.name)) may not bind \(role): it does not exist and the user may not \"bind\" it"
            return AuthorizationDecision(allowed: false, reason: reason)
        }
        return confirmNoEscalation(user, granting: granted, namespace: namespace)
    }

    /// Upstream `ConfirmNoEscalation`: every piece of `rules` must be covered by the user's rules.
    func confirmNoEscalation(_ user: UserInfo, granting rules: [PolicyRule], namespace: String) -> AuthorizationDecision {
        let missing = PolicyRule.uncovered(owner: self.rules(for: user, namespace: namespace), servant: rules)
        guard !missing.isEmpty else {
            return AuthorizationDecision(allowed: true, reason: "RBAC: the user already holds every permission granted")
        }
        let groups = "[" + user.groups.map { String(reflecting: $0) }.joined(separator: " ") + "]"
        let reason =
            "user \(String(reflecting: user.name)) (groups=\(groups)) is attempting to grant RBAC permissions not currently held:\n"
            + missing.map(\.description).joined(separator: "\n")
        return AuthorizationDecision(allowed: false, reason: reason)
    }
}
