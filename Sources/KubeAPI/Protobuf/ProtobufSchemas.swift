/// The protobuf messages the API server reads, as data: message name -> schema, and which message
/// an envelope's `apiVersion` + `kind` carries. Field numbers are those of the `generated.proto`
/// files in `k8s.io/api` and `k8s.io/apimachinery`.
enum ProtobufSchemas {
    /// Every message schema, by name (`core.v1.ConfigMap`, `meta.v1.ObjectMeta`, ...).
    static let messages: [String: MessageSchema] = [meta, core, podSpec, workloads, access, ProtobufWellKnown.schemas]
        .reduce(into: [:]) { all, group in all.merge(group) { first, _ in first } }

    /// Top-level kinds a body may carry, keyed by `kindKey(apiVersion:kind:)`.
    static let kinds: [String: String] = [
        "v1/ConfigMap": "core.v1.ConfigMap",
        "v1/Secret": "core.v1.Secret",
        "v1/Namespace": "core.v1.Namespace",
        "v1/ServiceAccount": "core.v1.ServiceAccount",
        "v1/Service": "core.v1.Service",
        "v1/Pod": "core.v1.Pod",
        // client-go encodes DeleteOptions under the core group or meta.k8s.io, depending on the client.
        "v1/DeleteOptions": "meta.v1.DeleteOptions",
        "meta.k8s.io/v1/DeleteOptions": "meta.v1.DeleteOptions",
        "apps/v1/Deployment": "apps.v1.Deployment",
        "apps/v1/ReplicaSet": "apps.v1.ReplicaSet",
        "apps/v1/DaemonSet": "apps.v1.DaemonSet",
        "batch/v1/Job": "batch.v1.Job",
        "batch/v1/CronJob": "batch.v1.CronJob",
        "policy/v1/Eviction": "policy.v1.Eviction",
        "policy/v1/PodDisruptionBudget": "policy.v1.PodDisruptionBudget",
        "rbac.authorization.k8s.io/v1/Role": "rbac.v1.Role",
        "rbac.authorization.k8s.io/v1/ClusterRole": "rbac.v1.ClusterRole",
        "rbac.authorization.k8s.io/v1/RoleBinding": "rbac.v1.RoleBinding",
        "rbac.authorization.k8s.io/v1/ClusterRoleBinding": "rbac.v1.ClusterRoleBinding",
        "authorization.k8s.io/v1/SelfSubjectAccessReview": "authorization.v1.SelfSubjectAccessReview",
        "authorization.k8s.io/v1/SelfSubjectRulesReview": "authorization.v1.SelfSubjectRulesReview",
    ]

    static func kindKey(apiVersion: String, kind: String) -> String { "\(apiVersion)/\(kind)" }

    /// The envelope's `typeMeta` (runtime.TypeMeta, k8s.io/apimachinery/pkg/runtime/generated.proto).
    static let typeMeta = "runtime.TypeMeta"

    static let meta: [String: MessageSchema] = [
        typeMeta: [.init(1, "apiVersion", .string), .init(2, "kind", .string)],
        // k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto
        "meta.v1.ObjectMeta": [
            .init(1, "name", .string), .init(2, "generateName", .string), .init(3, "namespace", .string),
            .init(4, "selfLink", .string), .init(5, "uid", .string), .init(6, "resourceVersion", .string),
            .init(7, "generation", .int64), .init(8, "creationTimestamp", .time),
            .init(9, "deletionTimestamp", .time, pointer: true),
            .init(10, "deletionGracePeriodSeconds", .int64, pointer: true),
            .init(11, "labels", .map(.string)), .init(12, "annotations", .map(.string)),
            .init(13, "ownerReferences", .repeated(.message("meta.v1.OwnerReference"))),
            .init(14, "finalizers", .repeated(.string)),
        ],
        "meta.v1.OwnerReference": [
            .init(5, "apiVersion", .string), .init(1, "kind", .string), .init(3, "name", .string),
            .init(4, "uid", .string), .init(6, "controller", .bool, pointer: true),
            .init(7, "blockOwnerDeletion", .bool, pointer: true),
        ],
        "meta.v1.LabelSelector": [
            .init(1, "matchLabels", .map(.string)),
            .init(2, "matchExpressions", .repeated(.message("meta.v1.LabelSelectorRequirement"))),
        ],
        "meta.v1.LabelSelectorRequirement": [
            .init(1, "key", .string), .init(2, "operator", .string), .init(3, "values", .repeated(.string)),
        ],
        "meta.v1.FieldSelectorRequirement": [
            .init(1, "key", .string), .init(2, "operator", .string), .init(3, "values", .repeated(.string)),
        ],
        "meta.v1.DeleteOptions": [
            .init(1, "gracePeriodSeconds", .int64, pointer: true),
            .init(2, "preconditions", .message("meta.v1.Preconditions"), pointer: true),
            .init(3, "orphanDependents", .bool, pointer: true),
            .init(4, "propagationPolicy", .string, pointer: true),
            .init(5, "dryRun", .repeated(.string)),
            .init(6, "ignoreStoreReadErrorWithClusterBreakingPotential", .bool, pointer: true),
        ],
        "meta.v1.Preconditions": [
            .init(1, "uid", .string, pointer: true), .init(2, "resourceVersion", .string, pointer: true),
        ],
    ]
}
