extension PatchSchema {
    /// The `patchStrategy`/`patchMergeKey` tags of the built-in kinds, copied from kubernetes/api
    /// `core/v1`, `apps/v1`, `batch/v1` and apimachinery `meta/v1` `types.go`. Untagged lists
    /// (node `taints`, `status.images`, pod `containerStatuses`, `readinessGates`, namespace
    /// `spec.finalizers`, ...) are not listed: they are replaced wholesale.
    static let kubernetes = PatchSchema(
        kinds: [
            ("v1", "Pod", "Pod"), ("v1", "PodTemplate", "PodTemplate"),
            ("v1", "ReplicationController", "ReplicationController"), ("v1", "Node", "Node"),
            ("v1", "Service", "Service"), ("v1", "ServiceAccount", "ServiceAccount"),
            ("v1", "Namespace", "Namespace"), ("v1", "PersistentVolumeClaim", "PersistentVolumeClaim"),
            ("apps/v1", "Deployment", "Deployment"), ("apps/v1", "ReplicaSet", "ReplicaSet"),
            ("apps/v1", "DaemonSet", "DaemonSet"), ("apps/v1", "StatefulSet", "StatefulSet"),
            ("batch/v1", "Job", "Job"), ("batch/v1", "CronJob", "CronJob"),
        ],
        unknownKindRoot: "Object",
        rules: objects + meta + podSpec + core + apps + batch
    )

    /// Each kind's top-level fields, leading to its spec and status structs.
    private static let objects: [PatchFieldRule] =
        [
            "Object", "Pod", "PodTemplate", "ReplicationController", "Node", "Service", "ServiceAccount", "Namespace",
            "PersistentVolumeClaim", "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "CronJob",
        ].map { PatchFieldRule($0, "metadata", of: "ObjectMeta") } + [
            .init("Pod", "spec", of: "PodSpec"), .init("Pod", "status", of: "PodStatus"),
            .init("PodTemplate", "template", of: "PodTemplateSpec"),
            .init("ReplicationController", "spec", of: "ReplicationControllerSpec"),
            .init("ReplicationController", "status", of: "ReplicationControllerStatus"),
            .init("Node", "spec", of: "NodeSpec"), .init("Node", "status", of: "NodeStatus"),
            .init("Service", "spec", of: "ServiceSpec"), .init("Service", "status", of: "ServiceStatus"),
            .init("Namespace", "status", of: "NamespaceStatus"),
            .init("PersistentVolumeClaim", "status", of: "PersistentVolumeClaimStatus"),
            .init("Deployment", "spec", of: "DeploymentSpec"), .init("Deployment", "status", of: "DeploymentStatus"),
            .init("ReplicaSet", "spec", of: "ReplicaSetSpec"), .init("ReplicaSet", "status", of: "ReplicaSetStatus"),
            .init("DaemonSet", "spec", of: "DaemonSetSpec"), .init("DaemonSet", "status", of: "DaemonSetStatus"),
            .init("StatefulSet", "spec", of: "StatefulSetSpec"), .init("StatefulSet", "status", of: "StatefulSetStatus"),
            .init("Job", "spec", of: "JobSpec"), .init("Job", "status", of: "JobStatus"),
            .init("CronJob", "spec", of: "CronJobSpec"),
        ]

    /// apimachinery `pkg/apis/meta/v1/types.go` ObjectMeta.
    private static let meta: [PatchFieldRule] = [
        .init("ObjectMeta", "finalizers", .merge),
        .init("ObjectMeta", "ownerReferences", .merge, key: "uid"),
    ]

    /// core/v1 PodTemplateSpec, PodSpec, Container, EphemeralContainer(Common), PodStatus.
    private static let podSpec: [PatchFieldRule] = [
        .init("PodTemplateSpec", "metadata", of: "ObjectMeta"), .init("PodTemplateSpec", "spec", of: "PodSpec"),
        .init("PodSpec", "volumes", .mergeRetainKeys, key: "name"),
        .init("PodSpec", "initContainers", .merge, key: "name", of: "Container"),
        .init("PodSpec", "containers", .merge, key: "name", of: "Container"),
        .init("PodSpec", "ephemeralContainers", .merge, key: "name", of: "EphemeralContainer"),
        .init("PodSpec", "imagePullSecrets", .merge, key: "name"),
        .init("PodSpec", "hostAliases", .merge, key: "ip"),
        .init("PodSpec", "topologySpreadConstraints", .merge, key: "topologyKey"),
        .init("PodSpec", "schedulingGates", .merge, key: "name"),
        .init("PodSpec", "resourceClaims", .mergeRetainKeys, key: "name"),
        .init("PodSpec", "evictionResponders", .merge, key: "name"),
        .init("Container", "ports", .merge, key: "containerPort"),
        .init("Container", "env", .merge, key: "name"),
        .init("Container", "volumeMounts", .merge, key: "mountPath"),
        .init("Container", "volumeDevices", .merge, key: "devicePath"),
        .init("EphemeralContainer", "ports", .merge, key: "containerPort"),
        .init("EphemeralContainer", "env", .merge, key: "name"),
        .init("EphemeralContainer", "volumeMounts", .merge, key: "mountPath"),
        .init("EphemeralContainer", "volumeDevices", .merge, key: "devicePath"),
        .init("PodStatus", "conditions", .merge, key: "type"),
        .init("PodStatus", "hostIPs", .merge, key: "ip"),
        .init("PodStatus", "podIPs", .merge, key: "ip"),
        .init("PodStatus", "resourceClaimStatuses", .mergeRetainKeys, key: "name"),
        .init(
            "PodStatus", "nodeAllocatableResourceClaimStatuses", .merge, key: "resourceClaimName",
            of: "NodeAllocatableResourceClaimStatus"),
        .init("NodeAllocatableResourceClaimStatus", "mapping", .merge, key: "name"),
        .init("NodeAllocatableResourceClaimStatus", "overhead", .merge, key: "name"),
    ]

    /// The rest of core/v1.
    private static let core: [PatchFieldRule] = [
        .init("ReplicationControllerSpec", "template", of: "PodTemplateSpec"),
        .init("ReplicationControllerStatus", "conditions", .merge, key: "type"),
        .init("NodeSpec", "podCIDRs", .merge),
        .init("NodeStatus", "conditions", .merge, key: "type"),
        .init("NodeStatus", "addresses", .merge, key: "type"),
        .init("ServiceSpec", "ports", .merge, key: "port"),
        .init("ServiceStatus", "conditions", .merge, key: "type"),
        .init("ServiceAccount", "secrets", .merge, key: "name"),
        .init("NamespaceStatus", "conditions", .merge, key: "type"),
        .init("PersistentVolumeClaimStatus", "conditions", .merge, key: "type"),
    ]

    /// apps/v1: every workload's `spec.template` is a PodTemplateSpec.
    private static let apps: [PatchFieldRule] = [
        .init("DeploymentSpec", "template", of: "PodTemplateSpec"),
        .init("DeploymentSpec", "strategy", .retainKeys),
        .init("DeploymentStatus", "conditions", .merge, key: "type"),
        .init("ReplicaSetSpec", "template", of: "PodTemplateSpec"),
        .init("ReplicaSetStatus", "conditions", .merge, key: "type"),
        .init("DaemonSetSpec", "template", of: "PodTemplateSpec"),
        .init("DaemonSetStatus", "conditions", .merge, key: "type"),
        .init("StatefulSetSpec", "template", of: "PodTemplateSpec"),
        .init("StatefulSetStatus", "conditions", .merge, key: "type"),
    ]

    /// batch/v1: a CronJob's `spec.jobTemplate` holds a JobSpec.
    private static let batch: [PatchFieldRule] = [
        .init("JobSpec", "template", of: "PodTemplateSpec"),
        .init("JobStatus", "conditions", .merge, key: "type"),
        .init("CronJobSpec", "jobTemplate", of: "JobTemplateSpec"),
        .init("JobTemplateSpec", "metadata", of: "ObjectMeta"), .init("JobTemplateSpec", "spec", of: "JobSpec"),
    ]
}
