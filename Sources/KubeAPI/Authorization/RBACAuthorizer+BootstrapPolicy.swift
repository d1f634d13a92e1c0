/// The default ClusterRoles and ClusterRoleBindings every cluster starts with: subsets of
/// upstream's bootstrap policy (`plugin/pkg/auth/authorizer/rbac/bootstrappolicy`) for the kinds
/// this API serves. admin, edit and view carry their rules flat (upstream fills them by aggregation).
extension RBACAuthorizer {
    static let read = ["get", "list", "watch"]
    static let write = ["create", "update", "patch", "delete", "deletecollection"]
    static let readWrite = read + write

    static let viewRules: [PolicyRule] = [
        PolicyRule(
            verbs: read, apiGroups: [""],
            resources: [
                "pods", "pods/log", "pods/status", "services", "services/status", "endpoints", "configmaps", "serviceaccounts",
                "events", "persistentvolumeclaims", "replicationcontrollers", "limitranges", "resourcequotas",
            ]),
        // Reading namespaces in a namespace-scoped binding means reading that namespace.
        PolicyRule(verbs: read, apiGroups: [""], resources: ["namespaces", "namespaces/status"]),
        PolicyRule(
            verbs: read, apiGroups: ["apps"],
            resources: [
                "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status",
                "daemonsets", "daemonsets/status", "statefulsets", "statefulsets/scale", "controllerrevisions",
            ]),
        PolicyRule(verbs: read, apiGroups: ["coordination.k8s.io"], resources: ["leases"]),
    ]

    static let editRules: [PolicyRule] =
        viewRules + [
            PolicyRule(
                verbs: readWrite, apiGroups: [""], resources: ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"]),
            PolicyRule(verbs: ["create"], apiGroups: [""], resources: ["pods/eviction", "serviceaccounts/token"]),
            PolicyRule(
                verbs: readWrite, apiGroups: [""],
                resources: [
                    "services", "services/proxy", "endpoints", "configmaps", "secrets", "serviceaccounts", "events",
                    "persistentvolumeclaims", "replicationcontrollers",
                ]),
            PolicyRule(verbs: ["impersonate"], apiGroups: [""], resources: ["serviceaccounts"]),
            PolicyRule(
                verbs: readWrite, apiGroups: ["apps"],
                resources: [
                    "deployments", "deployments/scale", "deployments/rollback", "replicasets", "replicasets/scale", "daemonsets",
                    "statefulsets", "statefulsets/scale",
                ]),
            PolicyRule(verbs: readWrite, apiGroups: ["coordination.k8s.io"], resources: ["leases"]),
        ]

    static let adminRules: [PolicyRule] =
        editRules + [
            PolicyRule(verbs: readWrite, apiGroups: [rbacGroup], resources: ["roles", "rolebindings"]),
            PolicyRule(verbs: ["create"], apiGroups: ["authorization.k8s.io"], resources: ["localsubjectaccessreviews"]),
        ]

    /// cluster-admin, admin, edit, view, system:basic-user and system:discovery.
    public static let defaultClusterRoles: [JSON] = [
        clusterRole(
            "cluster-admin",
            [PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]), PolicyRule(verbs: ["*"], nonResourceURLs: ["*"])]),
        clusterRole("admin", adminRules),
        clusterRole("edit", editRules),
        clusterRole("view", viewRules),
        clusterRole(
            "system:basic-user",
            [
                PolicyRule(
                    verbs: ["create"], apiGroups: ["authorization.k8s.io"],
                    resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
                PolicyRule(verbs: ["create"], apiGroups: ["authentication.k8s.io"], resources: ["selfsubjectreviews"]),
            ]),
        clusterRole(
            "system:discovery",
            [
                PolicyRule(
                    verbs: ["get"],
                    nonResourceURLs: [
                        "/api", "/api/*", "/apis", "/apis/*", "/version", "/version/", "/openapi", "/openapi/*", "/healthz", "/livez",
                        "/readyz",
                    ])
            ]),
    ]

    /// cluster-admin to `system:masters`; system:basic-user and system:discovery to `system:authenticated`.
    public static let defaultClusterRoleBindings: [JSON] = [
        clusterRoleBinding("cluster-admin", group: UserInfo.privilegedGroup),
        clusterRoleBinding("system:basic-user", group: UserInfo.authenticatedGroup),
        clusterRoleBinding("system:discovery", group: UserInfo.authenticatedGroup),
    ]

    static let bootstrapMetadata: [String: JSON] = [
        "labels": ["kubernetes.io/bootstrapping": "rbac-defaults"],
        "annotations": ["rbac.authorization.kubernetes.io/autoupdate": "true"],
    ]

    static func clusterRole(_ name: String, _ rules: [PolicyRule]) -> JSON {
        var metadata = bootstrapMetadata
        metadata["name"] = .string(name)
        return [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": .object(metadata),
            "rules": .array(rules.map(\.json)),
        ]
    }

    static func clusterRoleBinding(_ role: String, group: String) -> JSON {
        var metadata = bootstrapMetadata
        metadata["name"] = .string(role)
        return [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": .object(metadata),
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(role)],
            "subjects": [["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": .string(group)]],
        ]
    }
}
