extension OpenAPIv3 {
    /// RBAC, coordination and authorization kinds.
    static let accessDefinitions: [Definition] = [
        Definition(
            kind: "Role", group: "rbac.authorization.k8s.io", version: "v1",
            "Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.",
            [rulesField]),
        Definition(
            kind: "ClusterRole", group: "rbac.authorization.k8s.io", version: "v1",
            "ClusterRole is a cluster level, logical grouping of PolicyRules.",
            [
                rulesField,
                Field("aggregationRule", .ref(rbac("AggregationRule")), "Describes how to build the rules for this ClusterRole."),
            ]),
        Definition(
            rbac("AggregationRule"), "AggregationRule describes how to locate ClusterRoles to aggregate into the ClusterRole.",
            [Field("clusterRoleSelectors", .array(.ref(meta("LabelSelector"))), "Selectors of the ClusterRoles whose rules are aggregated.")]),
        Definition(
            rbac("PolicyRule"), "PolicyRule holds information that describes a policy rule.",
            [
                Field("verbs", .array(.string), "Verbs that apply to all resources in this rule; '*' is all verbs.", required: true),
                Field("apiGroups", .array(.string), "API groups of the resources; \"\" is the core group."),
                Field("resources", .array(.string), "Resources this rule applies to; '*' is all resources."),
                Field("resourceNames", .array(.string), "An optional allow list of names that the rule applies to."),
                Field("nonResourceURLs", .array(.string), "Partial URLs a user should have access to (ClusterRole only)."),
            ]),
        Definition(
            kind: "RoleBinding", group: "rbac.authorization.k8s.io", version: "v1",
            "RoleBinding references a role and grants its permissions to subjects within a namespace.", bindingFields),
        Definition(
            kind: "ClusterRoleBinding", group: "rbac.authorization.k8s.io", version: "v1",
            "ClusterRoleBinding references a ClusterRole and grants its permissions cluster-wide.", bindingFields),
        Definition(
            rbac("Subject"), "Subject contains a reference to the object or user identities a role binding applies to.",
            [
                Field("kind", .string, "Kind of object being referenced: User, Group or ServiceAccount.", required: true),
                Field("apiGroup", .string, "API group of the referenced subject."),
                Field("name", .string, "Name of the object being referenced.", required: true),
                Field("namespace", .string, "Namespace of the referenced object (ServiceAccount)."),
            ]),
        Definition(
            rbac("RoleRef"), "RoleRef contains information that points to the role being used.",
            [
                Field("apiGroup", .string, "The group for the resource being referenced.", required: true),
                Field("kind", .string, "The type of resource being referenced: Role or ClusterRole.", required: true),
                Field("name", .string, "The name of the resource being referenced.", required: true),
            ]),
        Definition(
            kind: "Lease", group: "coordination.k8s.io", version: "v1", "Lease defines a lease concept.",
            [Field("spec", .ref("io.k8s.api.coordination.v1.LeaseSpec"), "Specification of the Lease.")]),
        Definition(
            "io.k8s.api.coordination.v1.LeaseSpec", "LeaseSpec is a specification of a Lease.",
            [
                Field("holderIdentity", .string, "The identity of the holder of a current lease."),
                Field("leaseDurationSeconds", .integer, "Seconds candidates must wait before forcefully acquiring the lease."),
                Field("acquireTime", .dateTime, "The time the current lease was acquired."),
                Field("renewTime", .dateTime, "The time the current holder last updated the lease."),
                Field("leaseTransitions", .integer, "The number of transitions of a lease between holders."),
            ]),
        Definition(
            kind: "SelfSubjectAccessReview", group: "authorization.k8s.io", version: "v1",
            "SelfSubjectAccessReview checks whether the current user can perform an action.",
            [
                Field("spec", .ref(authorization("SelfSubjectAccessReviewSpec")), "The request being evaluated.", required: true),
                Field("status", .ref(authorization("SubjectAccessReviewStatus")), "Whether the request is allowed, filled in by the server."),
            ]),
        Definition(
            authorization("SelfSubjectAccessReviewSpec"), "Exactly one of resourceAttributes or nonResourceAttributes must be set.",
            [
                Field("resourceAttributes", .ref(authorization("ResourceAttributes")), "Information for a resource access request."),
                Field("nonResourceAttributes", .ref(authorization("NonResourceAttributes")), "Information for a non-resource access request."),
            ]),
        Definition(
            authorization("ResourceAttributes"), "The attributes available to a resource request authorizer.",
            ["namespace", "verb", "group", "version", "resource", "subresource", "name"].map {
                Field($0, .string, "The \($0) of the requested action.")
            }),
        Definition(
            authorization("NonResourceAttributes"), "The attributes available to a non-resource request authorizer.",
            [
                Field("path", .string, "The URL path of the request."),
                Field("verb", .string, "The standard HTTP verb."),
            ]),
        Definition(
            authorization("SubjectAccessReviewStatus"), "SubjectAccessReviewStatus holds the result of an access review.",
            [
                Field("allowed", .boolean, "True if the action would be allowed.", required: true),
                Field("denied", .boolean, "True if the action would be denied, otherwise false."),
                Field("reason", .string, "Why the request was allowed or denied."),
                Field("evaluationError", .string, "Set when the authorization check could not be completed."),
            ]),
    ]

    static let rulesField = Field("rules", .array(.ref(rbac("PolicyRule"))), "All the PolicyRules for this role.")

    static let bindingFields: [Field] = [
        Field("subjects", .array(.ref(rbac("Subject"))), "The users, groups and service accounts the role applies to."),
        Field("roleRef", .ref(rbac("RoleRef")), "The Role or ClusterRole being granted; cannot be changed.", required: true),
    ]

    static func authorization(_ name: String) -> String { "io.k8s.api.authorization.v1.\(name)" }
}
