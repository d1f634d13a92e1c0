// Field numbers: k8s.io/api/{apps,batch,policy}/v1/generated.proto. `pointer: true` marks Go pointer fields.
extension ProtobufSchemas {
    static let labelSelector = ProtobufFieldType.message("meta.v1.LabelSelector")
    static let podTemplate = ProtobufFieldType.message("core.v1.PodTemplateSpec")

    static let workloads: [String: MessageSchema] = [
        "apps.v1.Deployment": [.init(1, "metadata", objectMeta), .init(2, "spec", .message("apps.v1.DeploymentSpec"))],
        "apps.v1.DeploymentSpec": [
            .init(1, "replicas", .int32, pointer: true), .init(2, "selector", labelSelector, pointer: true),
            .init(3, "template", podTemplate), .init(4, "strategy", .message("apps.v1.DeploymentStrategy")),
            .init(5, "minReadySeconds", .int32), .init(6, "revisionHistoryLimit", .int32, pointer: true),
            .init(7, "paused", .bool), .init(9, "progressDeadlineSeconds", .int32, pointer: true),
        ],
        "apps.v1.DeploymentStrategy": [
            .init(1, "type", .string), .init(2, "rollingUpdate", .message("apps.v1.RollingUpdate"), pointer: true),
        ],
        // RollingUpdateDeployment and RollingUpdateDaemonSet share this layout.
        "apps.v1.RollingUpdate": [
            .init(1, "maxUnavailable", .intOrString, pointer: true), .init(2, "maxSurge", .intOrString, pointer: true),
        ],
        "apps.v1.ReplicaSet": [.init(1, "metadata", objectMeta), .init(2, "spec", .message("apps.v1.ReplicaSetSpec"))],
        "apps.v1.ReplicaSetSpec": [
            .init(1, "replicas", .int32, pointer: true), .init(4, "minReadySeconds", .int32),
            .init(2, "selector", labelSelector, pointer: true), .init(3, "template", podTemplate),
        ],
        "apps.v1.DaemonSet": [.init(1, "metadata", objectMeta), .init(2, "spec", .message("apps.v1.DaemonSetSpec"))],
        "apps.v1.DaemonSetSpec": [
            .init(1, "selector", labelSelector, pointer: true), .init(2, "template", podTemplate),
            .init(3, "updateStrategy", .message("apps.v1.DaemonSetUpdateStrategy")),
            .init(4, "minReadySeconds", .int32), .init(6, "revisionHistoryLimit", .int32, pointer: true),
        ],
        "apps.v1.DaemonSetUpdateStrategy": [
            .init(1, "type", .string), .init(2, "rollingUpdate", .message("apps.v1.RollingUpdate"), pointer: true),
        ],
        "batch.v1.Job": [.init(1, "metadata", objectMeta), .init(2, "spec", .message("batch.v1.JobSpec"))],
        "batch.v1.JobSpec": [
            .init(1, "parallelism", .int32, pointer: true), .init(2, "completions", .int32, pointer: true),
            .init(3, "activeDeadlineSeconds", .int64, pointer: true), .init(7, "backoffLimit", .int32, pointer: true),
            .init(12, "backoffLimitPerIndex", .int32, pointer: true),
            .init(13, "maxFailedIndexes", .int32, pointer: true), .init(4, "selector", labelSelector, pointer: true),
            .init(5, "manualSelector", .bool, pointer: true), .init(6, "template", podTemplate),
            .init(8, "ttlSecondsAfterFinished", .int32, pointer: true),
            .init(9, "completionMode", .string, pointer: true), .init(10, "suspend", .bool, pointer: true),
            .init(14, "podReplacementPolicy", .string, pointer: true), .init(15, "managedBy", .string, pointer: true),
        ],
        "batch.v1.CronJob": [.init(1, "metadata", objectMeta), .init(2, "spec", .message("batch.v1.CronJobSpec"))],
        "batch.v1.CronJobSpec": [
            .init(1, "schedule", .string), .init(8, "timeZone", .string, pointer: true),
            .init(2, "startingDeadlineSeconds", .int64, pointer: true), .init(3, "concurrencyPolicy", .string),
            .init(4, "suspend", .bool, pointer: true), .init(5, "jobTemplate", .message("batch.v1.JobTemplateSpec")),
            .init(6, "successfulJobsHistoryLimit", .int32, pointer: true),
            .init(7, "failedJobsHistoryLimit", .int32, pointer: true),
        ],
        "batch.v1.JobTemplateSpec": [.init(1, "metadata", objectMeta), .init(2, "spec", .message("batch.v1.JobSpec"))],
        "policy.v1.Eviction": [
            .init(1, "metadata", objectMeta),
            .init(2, "deleteOptions", .message("meta.v1.DeleteOptions"), pointer: true),
        ],
        "policy.v1.PodDisruptionBudget": [
            .init(1, "metadata", objectMeta), .init(2, "spec", .message("policy.v1.PodDisruptionBudgetSpec")),
        ],
        "policy.v1.PodDisruptionBudgetSpec": [
            .init(1, "minAvailable", .intOrString, pointer: true), .init(2, "selector", labelSelector, pointer: true),
            .init(3, "maxUnavailable", .intOrString, pointer: true),
            .init(4, "unhealthyPodEvictionPolicy", .string, pointer: true),
        ],
    ]
}
