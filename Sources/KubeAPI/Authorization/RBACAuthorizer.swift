/// Role-based access control over a snapshot of RBAC objects, as upstream's RBAC authorizer
/// (`plugin/pkg/auth/authorizer/rbac`): ClusterRoleBindings grant everywhere, RoleBindings grant
/// in their own namespace (also when they reference a ClusterRole). Nothing denies; no rule = no.
public struct RBACAuthorizer: Sendable {
    public let snapshot: RBACSnapshot

    public init(snapshot: RBACSnapshot) {
        self.snapshot = snapshot
    }

    /// Allowed when the user is in `system:masters` or some binding that names the user grants a
    /// rule allowing the request. Upstream lets `system:masters` through in a separate authorizer
    /// placed before RBAC; this authorizer is the only one here, so it does that check itself.
    public func authorize(_ user: UserInfo, _ attributes: RequestAttributes) -> AuthorizationDecision {
        if user.isPrivileged {
            return Self.privilegedDecision
        }
        for (binding, subject, rules) in grants(for: user, namespace: attributes.namespace) {
            if rules.contains(where: { $0.allows(attributes) }) {
                return AuthorizationDecision(allowed: true, reason: "RBAC: allowed by \(binding.described(to: subject))")
            }
        }
        return AuthorizationDecision(allowed: false, reason: Self.forbiddenMessage(user, attributes))
    }

    /// The rules that apply to `user` in `namespace` ("" = cluster-wide only): those of the
    /// ClusterRoleBindings, then of the namespace's RoleBindings.
    public func rules(for user: UserInfo, namespace: String) -> [PolicyRule] {
        grants(for: user, namespace: namespace).flatMap(\.rules)
    }

    /// Bindings that name the user, with the subject that matched and the rules of the role they
    /// reference, in upstream's visiting order. Bindings to missing roles grant nothing.
    func grants(for user: UserInfo, namespace: String) -> [(binding: Binding, subject: Subject, rules: [PolicyRule])] {
        var bindings = snapshot.clusterRoleBindings
        if !namespace.isEmpty { bindings += snapshot.roleBindings[namespace] ?? [] }
        return bindings.compactMap { binding in
            guard let subject = binding.subject(matching: user),
                let rules = snapshot.rules(of: binding.roleRef, bindingNamespace: binding.namespace)
            else { return nil }
            return (binding, subject, rules)
        }
    }

    /// Members of `system:masters` may do anything.
    static let privilegedDecision = AuthorizationDecision(
        allowed: true, reason: "allowed: member of group \(String(reflecting: UserInfo.privilegedGroup))")

    /// The sentence of a Forbidden error, as upstream's `forbiddenMessage`:
    /// `User "alice" cannot create resource "pods" in API group "" in the namespace "default"`.
    public static func forbiddenMessage(_ user: UserInfo, _ a: RequestAttributes) -> String {
        let who = "User \(String(reflecting: user.name)) cannot \(a.verb)"
        guard a.isResourceRequest else { return "\(who) path \(String(reflecting: a.path))" }
        let what = "\(who) resource \(String(reflecting: a.combinedResource)) in API group \(String(reflecting: a.group))"
        return a.namespace.isEmpty ? "\(what) at the cluster scope" : "\(what) in the namespace \(String(reflecting: a.namespace))"
    }
}
