import Testing

@testable import KubeAPI

@Suite("AuthorizationTests")
struct AuthorizationTests {
    let rbac = "rbac.authorization.k8s.io"

    @Test("system:masters may do anything, even with no bindings at all")
    func mastersAllowed() {
        let empty = RBACAuthorizer(snapshot: RBACSnapshot(roles: [], clusterRoles: [], roleBindings: [], clusterRoleBindings: []))
        let admin = UserInfo(name: "kubernetes-admin", groups: ["system:masters"])
        #expect(empty.authorize(admin, RequestAttributes(verb: "delete", resource: "nodes", name: "n1")).allowed)
        #expect(empty.authorize(admin, RequestAttributes(verb: "get", path: "/metrics")).allowed)
        #expect(empty.mayWriteRole(admin, role: role("ClusterRole", "x", [rule(["*"], ["*"], ["*"])]), namespace: "").allowed)
    }

    @Test("a user with no bindings is denied, with upstream's Forbidden sentence")
    func forbiddenSentence() {
        let alice = authenticated("alice")
        let create = RequestAttributes(verb: "create", group: rbac, resource: "clusterrolebindings")
        let decision = authorizer().authorize(alice, create)
        #expect(!decision.allowed)
        #expect(
            decision.reason
                == #"User "alice" cannot create resource "clusterrolebindings" in API group "rbac.authorization.k8s.io" at the cluster scope"#
        )
        let evict = RequestAttributes(verb: "create", resource: "pods", subresource: "eviction", namespace: "default", name: "web")
        #expect(
            RBACAuthorizer.forbiddenMessage(alice, evict)
                == #"User "alice" cannot create resource "pods/eviction" in API group "" in the namespace "default""#)
        #expect(
            RBACAuthorizer.forbiddenMessage(alice, RequestAttributes(verb: "get", path: "/metrics"))
                == #"User "alice" cannot get path "/metrics""#)
    }

    @Test("a RoleBinding to a ClusterRole grants only in the binding's namespace")
    func roleBindingToClusterRole() {
        let authz = authorizer(roleBindings: [
            binding("RoleBinding", "bob-edit", namespace: "team-a", roleKind: "ClusterRole", role: "edit", subjects: [user("bob")])
        ])
        let bob = authenticated("bob")
        let decision = authz.authorize(bob, RequestAttributes(verb: "create", resource: "pods", namespace: "team-a"))
        #expect(decision.allowed)
        #expect(decision.reason == #"RBAC: allowed by RoleBinding "bob-edit/team-a" of ClusterRole "edit" to User "bob""#)
        #expect(!authz.authorize(bob, RequestAttributes(verb: "create", resource: "pods", namespace: "team-b")).allowed)
        // Across all namespaces is cluster scope: only ClusterRoleBindings count.
        #expect(!authz.authorize(bob, RequestAttributes(verb: "list", resource: "pods")).allowed)
        #expect(authz.rules(for: bob, namespace: "").allSatisfy { $0.resources.isEmpty || $0.resources.contains { $0.hasPrefix("self") } })
    }

    @Test("a Role grants in its namespace; a binding to a missing role grants nothing")
    func namespacedRole() {
        let authz = authorizer(
            roles: [role("Role", "cm-reader", namespace: "team-a", [rule(["get"], [""], ["configmaps"])])],
            roleBindings: [
                binding("RoleBinding", "read", namespace: "team-a", roleKind: "Role", role: "cm-reader", subjects: [user("carol")]),
                binding("RoleBinding", "dangling", namespace: "team-a", roleKind: "Role", role: "gone", subjects: [user("carol")]),
            ])
        let carol = authenticated("carol")
        #expect(authz.authorize(carol, RequestAttributes(verb: "get", resource: "configmaps", namespace: "team-a", name: "x")).allowed)
        #expect(!authz.authorize(carol, RequestAttributes(verb: "delete", resource: "configmaps", namespace: "team-a", name: "x")).allowed)
        #expect(
            authz.rules(for: carol, namespace: "team-a").contains(PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["configmaps"])))
    }

    @Test("resourceNames restrict a rule to the named objects")
    func resourceNames() {
        let authz = authorizer(
            clusterRoles: [role("ClusterRole", "one-cm", [rule(["get", "update"], [""], ["configmaps"], names: ["settings"])])],
            clusterRoleBindings: [binding("ClusterRoleBinding", "dave", roleKind: "ClusterRole", role: "one-cm", subjects: [user("dave")])])
        let dave = authenticated("dave")
        #expect(authz.authorize(dave, RequestAttributes(verb: "get", resource: "configmaps", namespace: "a", name: "settings")).allowed)
        #expect(!authz.authorize(dave, RequestAttributes(verb: "get", resource: "configmaps", namespace: "a", name: "other")).allowed)
        // A list has no name, so a named rule does not allow it.
        #expect(!authz.authorize(dave, RequestAttributes(verb: "list", resource: "configmaps", namespace: "a")).allowed)
    }

    @Test("subresources: pods does not cover pods/eviction; pods/eviction and */scale match; pods/* is literal as upstream")
    func subresources() {
        let authz = authorizer(
            clusterRoles: [
                role("ClusterRole", "pods-only", [rule(["create"], [""], ["pods"])]),
                role("ClusterRole", "evict", [rule(["create"], [""], ["pods/eviction"])]),
                role("ClusterRole", "scaler", [rule(["update"], ["apps"], ["*/scale"])]),
                role("ClusterRole", "pods-star", [rule(["create"], [""], ["pods/*"])]),
            ],
            clusterRoleBindings: [
                binding("ClusterRoleBinding", "a", roleKind: "ClusterRole", role: "pods-only", subjects: [user("a")]),
                binding("ClusterRoleBinding", "b", roleKind: "ClusterRole", role: "evict", subjects: [user("b")]),
                binding("ClusterRoleBinding", "c", roleKind: "ClusterRole", role: "scaler", subjects: [user("c")]),
                binding("ClusterRoleBinding", "d", roleKind: "ClusterRole", role: "pods-star", subjects: [user("d")]),
            ])
        let evict = RequestAttributes(verb: "create", resource: "pods", subresource: "eviction", namespace: "x", name: "web")
        let createPod = RequestAttributes(verb: "create", resource: "pods", namespace: "x")
        #expect(authz.authorize(authenticated("a"), createPod).allowed)
        #expect(!authz.authorize(authenticated("a"), evict).allowed)
        #expect(authz.authorize(authenticated("b"), evict).allowed)
        #expect(!authz.authorize(authenticated("b"), createPod).allowed)
        let scale = RequestAttributes(verb: "update", group: "apps", resource: "deployments", subresource: "scale", namespace: "x")
        #expect(authz.authorize(authenticated("c"), scale).allowed)
        #expect(!authz.authorize(authenticated("c"), RequestAttributes(verb: "update", group: "apps", resource: "deployments")).allowed)
        #expect(!authz.authorize(authenticated("d"), evict).allowed)
    }

    @Test("nonResourceURLs: exact paths and trailing-* prefixes; every authenticated user gets discovery")
    func nonResourceURLs() {
        let authz = authorizer()
        let anyone = authenticated("erin")
        #expect(authz.authorize(anyone, RequestAttributes(verb: "get", path: "/apis/apps/v1")).allowed)
        #expect(authz.authorize(anyone, RequestAttributes(verb: "get", path: "/api")).allowed)
        #expect(authz.authorize(anyone, RequestAttributes(verb: "get", path: "/healthz")).allowed)
        #expect(!authz.authorize(anyone, RequestAttributes(verb: "get", path: "/healthz/etcd")).allowed)
        #expect(!authz.authorize(anyone, RequestAttributes(verb: "post", path: "/api")).allowed)
        #expect(!authz.authorize(anyone, RequestAttributes(verb: "get", path: "/metrics")).allowed)
        let ssar = RequestAttributes(verb: "create", group: "authorization.k8s.io", resource: "selfsubjectaccessreviews")
        #expect(authz.authorize(anyone, ssar).allowed)
        // Without system:authenticated (the caller adds it), nothing is granted.
        #expect(!authz.authorize(UserInfo(name: "erin"), RequestAttributes(verb: "get", path: "/api")).allowed)
    }

    @Test("a ServiceAccount subject matches system:serviceaccount:<ns>:<name>, defaulting to the binding's namespace")
    func serviceAccountSubject() {
        let authz = authorizer(roleBindings: [
            binding(
                "RoleBinding", "ci-view", namespace: "builds", roleKind: "ClusterRole", role: "view",
                subjects: [["kind": "ServiceAccount", "name": "ci"]]),
            binding(
                "RoleBinding", "deployer", namespace: "prod", roleKind: "ClusterRole", role: "edit",
                subjects: [["kind": "ServiceAccount", "name": "ci", "namespace": "builds"]]),
        ])
        let ci = authenticated(UserInfo.serviceAccountName(namespace: "builds", name: "ci"), "system:serviceaccounts")
        #expect(authz.authorize(ci, RequestAttributes(verb: "list", resource: "pods", namespace: "builds")).allowed)
        let deploy = authz.authorize(ci, RequestAttributes(verb: "create", group: "apps", resource: "deployments", namespace: "prod"))
        #expect(deploy.allowed)
        #expect(deploy.reason.hasSuffix(#"to ServiceAccount "ci/builds""#))
        let other = authenticated(UserInfo.serviceAccountName(namespace: "prod", name: "ci"))
        #expect(!authz.authorize(other, RequestAttributes(verb: "list", resource: "pods", namespace: "builds")).allowed)
        #expect(!authz.authorize(authenticated("ci"), RequestAttributes(verb: "list", resource: "pods", namespace: "builds")).allowed)
    }

    @Test("view does not read secrets; edit does; group subjects match")
    func defaultRoles() {
        let authz = authorizer(clusterRoleBindings: [
            binding("ClusterRoleBinding", "viewers", roleKind: "ClusterRole", role: "view", subjects: [group("viewers")]),
            binding("ClusterRoleBinding", "editors", roleKind: "ClusterRole", role: "edit", subjects: [group("editors")]),
        ])
        let getSecret = RequestAttributes(verb: "get", resource: "secrets", namespace: "a", name: "s")
        #expect(!authz.authorize(authenticated("v", "viewers"), getSecret).allowed)
        #expect(authz.authorize(authenticated("v", "viewers"), RequestAttributes(verb: "get", resource: "namespaces", name: "a")).allowed)
        #expect(authz.authorize(authenticated("e", "editors"), getSecret).allowed)
        #expect(
            !authz.authorize(
                authenticated("e", "editors"), RequestAttributes(verb: "create", group: rbac, resource: "roles", namespace: "a")
            ).allowed)
    }
}

/// RBAC objects for the tests, built as the API stores them.
extension AuthorizationTests {
    func rule(_ verbs: [String], _ groups: [String], _ resources: [String], names: [String] = []) -> JSON {
        PolicyRule(verbs: verbs, apiGroups: groups, resources: resources, resourceNames: names).json
    }

    func role(_ kind: String, _ name: String, namespace: String? = nil, _ rules: [JSON]) -> JSON {
        var metadata: JSON = ["name": .string(name)]
        if let namespace { metadata["namespace"] = .string(namespace) }
        return ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": .string(kind), "metadata": metadata, "rules": .array(rules)]
    }

    func binding(
        _ kind: String, _ name: String, namespace: String? = nil, roleKind: String, role: String, subjects: [JSON]
    ) -> JSON {
        var metadata: JSON = ["name": .string(name)]
        if let namespace { metadata["namespace"] = .string(namespace) }
        return [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": .string(kind), "metadata": metadata,
            "roleRef": ["apiGroup": .string(rbac), "kind": .string(roleKind), "name": .string(role)], "subjects": .array(subjects),
        ]
    }

    func user(_ name: String) -> JSON { ["kind": "User", "apiGroup": .string(rbac), "name": .string(name)] }
    func group(_ name: String) -> JSON { ["kind": "Group", "apiGroup": .string(rbac), "name": .string(name)] }

    /// Default cluster roles plus the given objects.
    func authorizer(
        roles: [JSON] = [], clusterRoles: [JSON] = [], roleBindings: [JSON] = [], clusterRoleBindings: [JSON] = []
    ) -> RBACAuthorizer {
        RBACAuthorizer(
            snapshot: RBACSnapshot(
                roles: roles, clusterRoles: RBACAuthorizer.defaultClusterRoles + clusterRoles, roleBindings: roleBindings,
                clusterRoleBindings: RBACAuthorizer.defaultClusterRoleBindings + clusterRoleBindings))
    }

    func authenticated(_ name: String, _ groups: String...) -> UserInfo {
        UserInfo(name: name, groups: groups + [UserInfo.authenticatedGroup])
    }
}
