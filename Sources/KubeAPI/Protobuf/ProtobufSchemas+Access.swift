// Field numbers: k8s.io/api/{rbac,authorization}/v1/generated.proto. `pointer: true` marks Go pointer fields.
extension ProtobufSchemas {
    static let access: [String: MessageSchema] = [
        "rbac.v1.Role": [
            .init(1, "metadata", objectMeta), .init(2, "rules", .repeated(.message("rbac.v1.PolicyRule"))),
        ],
        "rbac.v1.ClusterRole": [
            .init(1, "metadata", objectMeta), .init(2, "rules", .repeated(.message("rbac.v1.PolicyRule"))),
            .init(3, "aggregationRule", .message("rbac.v1.AggregationRule"), pointer: true),
        ],
        "rbac.v1.AggregationRule": [.init(1, "clusterRoleSelectors", .repeated(labelSelector))],
        "rbac.v1.PolicyRule": [
            .init(1, "verbs", .repeated(.string)), .init(2, "apiGroups", .repeated(.string)),
            .init(3, "resources", .repeated(.string)), .init(4, "resourceNames", .repeated(.string)),
            .init(5, "nonResourceURLs", .repeated(.string)),
        ],
        "rbac.v1.RoleBinding": [
            .init(1, "metadata", objectMeta), .init(2, "subjects", .repeated(.message("rbac.v1.Subject"))),
            .init(3, "roleRef", .message("rbac.v1.RoleRef")),
        ],
        "rbac.v1.ClusterRoleBinding": [
            .init(1, "metadata", objectMeta), .init(2, "subjects", .repeated(.message("rbac.v1.Subject"))),
            .init(3, "roleRef", .message("rbac.v1.RoleRef")),
        ],
        "rbac.v1.Subject": [
            .init(1, "kind", .string), .init(2, "apiGroup", .string), .init(3, "name", .string),
            .init(4, "namespace", .string),
        ],
        "rbac.v1.RoleRef": [.init(1, "apiGroup", .string), .init(2, "kind", .string), .init(3, "name", .string)],
        "authorization.v1.SelfSubjectAccessReview": [
            .init(1, "metadata", objectMeta),
            .init(2, "spec", .message("authorization.v1.SelfSubjectAccessReviewSpec")),
        ],
        "authorization.v1.SelfSubjectAccessReviewSpec": [
            .init(1, "resourceAttributes", .message("authorization.v1.ResourceAttributes"), pointer: true),
            .init(2, "nonResourceAttributes", .message("authorization.v1.NonResourceAttributes"), pointer: true),
        ],
        "authorization.v1.ResourceAttributes": [
            .init(1, "namespace", .string), .init(2, "verb", .string), .init(3, "group", .string),
            .init(4, "version", .string), .init(5, "resource", .string), .init(6, "subresource", .string),
            .init(7, "name", .string),
            .init(8, "fieldSelector", .message("authorization.v1.FieldSelectorAttributes"), pointer: true),
            .init(9, "labelSelector", .message("authorization.v1.LabelSelectorAttributes"), pointer: true),
        ],
        "authorization.v1.FieldSelectorAttributes": [
            .init(1, "rawSelector", .string),
            .init(2, "requirements", .repeated(.message("meta.v1.FieldSelectorRequirement"))),
        ],
        "authorization.v1.LabelSelectorAttributes": [
            .init(1, "rawSelector", .string),
            .init(2, "requirements", .repeated(.message("meta.v1.LabelSelectorRequirement"))),
        ],
        "authorization.v1.NonResourceAttributes": [.init(1, "path", .string), .init(2, "verb", .string)],
        "authorization.v1.SelfSubjectRulesReview": [
            .init(1, "metadata", objectMeta),
            .init(2, "spec", .message("authorization.v1.SelfSubjectRulesReviewSpec")),
        ],
        "authorization.v1.SelfSubjectRulesReviewSpec": [.init(1, "namespace", .string)],
    ]
}
