import Testing

@testable import KubeAPI

/// Escalation prevention: writing Roles and bindings (upstream `pkg/registry/rbac`).
extension AuthorizationTests {
    @Test("a user holding only 'get roles' cannot create a role granting 'create pods'")
    func roleEscalationDenied() {
        let authz = authorizer(
            roles: [role("Role", "role-reader", namespace: "a", [rule(["get", "create"], [rbac], ["roles"])])],
            roleBindings: [binding("RoleBinding", "f", namespace: "a", roleKind: "Role", role: "role-reader", subjects: [user("frank")])])
        let frank = authenticated("frank")
        let podCreator = role("Role", "pod-creator", namespace: "a", [rule(["create"], [""], ["pods"])])
        let decision = authz.mayWriteRole(frank, role: podCreator, namespace: "a")
        #expect(!decision.allowed)
        #expect(
            decision.reason.contains(
                #"user "frank" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held"#))
        #expect(decision.reason.contains(#"{APIGroups:[""], Resources:["pods"], Verbs:["create"]}"#))
        // Granting what the user already holds is fine.
        let same = role("Role", "copy", namespace: "a", [rule(["get"], [rbac], ["roles"])])
        #expect(authz.mayWriteRole(frank, role: same, namespace: "a").allowed)
    }

    @Test("escalate on roles lets a user write any role; coverage honours wildcards, */sub and names")
    func escalateAndCoverage() {
        let authz = authorizer(
            clusterRoles: [
                role("ClusterRole", "escalator", [rule(["escalate"], [rbac], ["clusterroles"])]),
                role(
                    "ClusterRole", "scaler",
                    [rule(["get", "update"], ["apps"], ["*/scale"]), rule(["get"], [""], ["configmaps"], names: ["a", "b"])]),
            ],
            clusterRoleBindings: [
                binding("ClusterRoleBinding", "g", roleKind: "ClusterRole", role: "escalator", subjects: [user("grace")]),
                binding("ClusterRoleBinding", "h", roleKind: "ClusterRole", role: "scaler", subjects: [user("heidi")]),
            ])
        let everything = role("ClusterRole", "god", [rule(["*"], ["*"], ["*"])])
        #expect(authz.mayWriteRole(authenticated("grace"), role: everything, namespace: "").allowed)
        let heidi = authenticated("heidi")
        let scaleOnly = role("ClusterRole", "s", [rule(["update"], ["apps"], ["deployments/scale", "replicasets/scale"])])
        #expect(authz.mayWriteRole(heidi, role: scaleOnly, namespace: "").allowed)
        let oneName = role("ClusterRole", "n", [rule(["get"], [""], ["configmaps"], names: ["a"])])
        #expect(authz.mayWriteRole(heidi, role: oneName, namespace: "").allowed)
        let allNames = role("ClusterRole", "m", [rule(["get"], [""], ["configmaps"])])
        #expect(!authz.mayWriteRole(heidi, role: allNames, namespace: "").allowed)
        #expect(!authz.mayWriteRole(heidi, role: everything, namespace: "").allowed)
    }

    @Test("bind on a role lets a user bind it without holding its permissions")
    func bindVerb() {
        let authz = authorizer(
            clusterRoles: [role("ClusterRole", "binder", [rule(["bind"], [rbac], ["clusterroles"], names: ["edit"])])],
            roleBindings: [binding("RoleBinding", "i", namespace: "a", roleKind: "ClusterRole", role: "binder", subjects: [user("ivan")])])
        let ivan = authenticated("ivan")
        let editBinding = binding("RoleBinding", "x", namespace: "a", roleKind: "ClusterRole", role: "edit", subjects: [user("judy")])
        #expect(authz.mayWriteBinding(ivan, binding: editBinding, namespace: "a").allowed)
        // bind was granted in namespace a only, and only for edit.
        #expect(!authz.mayWriteBinding(ivan, binding: editBinding, namespace: "b").allowed)
        let adminBinding = binding("RoleBinding", "y", namespace: "a", roleKind: "ClusterRole", role: "admin", subjects: [user("judy")])
        #expect(!authz.mayWriteBinding(ivan, binding: adminBinding, namespace: "a").allowed)
    }

    @Test("a namespace admin may bind edit in the namespace (covered) but not cluster-admin, nor a missing role")
    func bindingCoverage() {
        let authz = authorizer(roleBindings: [
            binding("RoleBinding", "k", namespace: "a", roleKind: "ClusterRole", role: "admin", subjects: [user("ken")])
        ])
        let ken = authenticated("ken")
        let edit = binding("RoleBinding", "e", namespace: "a", roleKind: "ClusterRole", role: "edit", subjects: [user("lee")])
        #expect(authz.mayWriteBinding(ken, binding: edit, namespace: "a").allowed)
        let god = binding("RoleBinding", "c", namespace: "a", roleKind: "ClusterRole", role: "cluster-admin", subjects: [user("lee")])
        #expect(!authz.mayWriteBinding(ken, binding: god, namespace: "a").allowed)
        let missing = binding("RoleBinding", "m", namespace: "a", roleKind: "Role", role: "nope", subjects: [user("lee")])
        let decision = authz.mayWriteBinding(ken, binding: missing, namespace: "a")
        #expect(!decision.allowed)
        #expect(decision.reason.contains(#"Role "nope""#))
    }

    @Test("a read-everything user (like aks-service) cannot create a ClusterRoleBinding")
    func readEverythingCannotBind() {
        let authz = authorizer(
            clusterRoles: [role("ClusterRole", "aks-service", [rule(["get", "list", "watch"], ["*"], ["*"])])],
            clusterRoleBindings: [
                binding(
                    "ClusterRoleBinding", "aks-service-rolebinding", roleKind: "ClusterRole", role: "aks-service",
                    subjects: [user("aks-support")])
            ])
        let support = authenticated("aks-support")
        #expect(authz.authorize(support, RequestAttributes(verb: "list", group: rbac, resource: "clusterrolebindings")).allowed)
        let create = RequestAttributes(verb: "create", group: rbac, resource: "clusterrolebindings")
        let denied = authz.authorize(support, create)
        #expect(!denied.allowed)
        #expect(denied.reason == RBACAuthorizer.forbiddenMessage(support, create))
        let toAdmin = binding(
            "ClusterRoleBinding", "me-admin", roleKind: "ClusterRole", role: "cluster-admin", subjects: [user("aks-support")])
        let decision = authz.mayWriteBinding(support, binding: toAdmin, namespace: "")
        #expect(!decision.allowed)
        #expect(decision.reason.contains(#"{APIGroups:["*"], Resources:["*"], Verbs:["*"]}"#))
    }

    @Test("the default policy is data: roles, rules and bindings as stored objects")
    func defaultPolicyShape() {
        let names = RBACAuthorizer.defaultClusterRoles.compactMap { $0[path: ["metadata", "name"]]?.stringValue }
        #expect(names == ["cluster-admin", "admin", "edit", "view", "system:basic-user", "system:discovery"])
        let masters = RBACAuthorizer.defaultClusterRoleBindings.first { $0[path: ["metadata", "name"]] == "cluster-admin" }
        #expect(masters?["subjects"]?.arrayValue?.first?["name"] == "system:masters")
        // A member of system:masters is allowed by the binding too, not only by the shortcut.
        let viaBinding = authorizer().rules(for: UserInfo(name: "x", groups: ["system:masters"]), namespace: "")
        #expect(viaBinding.contains(PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"])))
    }
}
