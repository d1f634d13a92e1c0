extension OpenAPIv3 {
    /// apps/v1 Deployment, ReplicaSet and DaemonSet.
    static let workloadDefinitions: [Definition] = [
        Definition(
            kind: "Deployment", group: "apps", version: "v1", "Deployment enables declarative updates for Pods and ReplicaSets.",
            [
                Field("spec", .ref(apps("DeploymentSpec")), "Specification of the desired behavior of the Deployment."),
                Field("status", .ref(apps("DeploymentStatus")), "Most recently observed status of the Deployment."),
            ]),
        Definition(
            apps("DeploymentSpec"), "DeploymentSpec is the specification of the desired behavior of the Deployment.",
            [
                Field("replicas", .integer, "Number of desired pods. Defaults to 1."),
                selectorField,
                Field("template", .ref(core("PodTemplateSpec")), "Template describes the pods that will be created.", required: true),
                Field("strategy", .ref(apps("DeploymentStrategy")), "The deployment strategy to use to replace existing pods with new ones."),
                Field("minReadySeconds", .integer, "Minimum seconds a new pod must be ready to be considered available."),
                Field("revisionHistoryLimit", .integer, "The number of old ReplicaSets to retain to allow rollback."),
                Field("paused", .boolean, "Indicates that the deployment is paused."),
                Field("progressDeadlineSeconds", .integer, "Maximum seconds for a deployment to make progress before it is considered failed."),
            ]),
        Definition(
            apps("DeploymentStrategy"), "DeploymentStrategy describes how to replace existing pods with new ones.",
            [
                Field("type", .string, "Type of deployment: Recreate or RollingUpdate. Default is RollingUpdate."),
                Field("rollingUpdate", .ref(apps("RollingUpdateDeployment")), "Rolling update config parameters."),
            ]),
        Definition(
            apps("RollingUpdateDeployment"), "Spec to control the desired behavior of rolling update.",
            [
                Field("maxUnavailable", .intOrString, "The maximum number (or percentage) of pods that can be unavailable during the update."),
                Field("maxSurge", .intOrString, "The maximum number (or percentage) of pods that can be scheduled above the desired number."),
            ]),
        Definition(
            apps("DeploymentStatus"), "DeploymentStatus is the most recently observed status of the Deployment.",
            replicaCounts(["replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"]) + [
                Field("observedGeneration", .integer, "The generation observed by the deployment controller."),
                Field("conditions", .array(.ref(apps("DeploymentCondition"))), "Latest available observations of the deployment's state."),
                Field("collisionCount", .integer, "Count of hash collisions for the Deployment."),
            ]),
        Definition(
            apps("DeploymentCondition"), "DeploymentCondition describes the state of a deployment at a certain point.",
            conditionFields(timestamps: ["lastUpdateTime", "lastTransitionTime"])),
        Definition(
            kind: "ReplicaSet", group: "apps", version: "v1", "ReplicaSet ensures that a specified number of pod replicas are running.",
            [
                Field("spec", .ref(apps("ReplicaSetSpec")), "Spec defines the specification of the desired behavior of the ReplicaSet."),
                Field("status", .ref(apps("ReplicaSetStatus")), "Status is the most recently observed status of the ReplicaSet."),
            ]),
        Definition(
            apps("ReplicaSetSpec"), "ReplicaSetSpec is the specification of a ReplicaSet.",
            [
                Field("replicas", .integer, "The number of desired replicas. Defaults to 1."),
                selectorField,
                Field("template", .ref(core("PodTemplateSpec")), "The object that describes the pod created when replicas are missing."),
                Field("minReadySeconds", .integer, "Minimum seconds a new pod must be ready to be considered available."),
            ]),
        Definition(
            apps("ReplicaSetStatus"), "ReplicaSetStatus represents the current status of a ReplicaSet.",
            [Field("replicas", .integer, "The most recently observed number of replicas.", required: true)]
                + replicaCounts(["fullyLabeledReplicas", "readyReplicas", "availableReplicas"]) + [
                    Field("observedGeneration", .integer, "The generation of the most recently observed ReplicaSet."),
                    Field("conditions", .array(.ref(apps("ReplicaSetCondition"))), "The latest available observations of its state."),
                ]),
        Definition(
            apps("ReplicaSetCondition"), "ReplicaSetCondition describes the state of a replica set at a certain point.",
            conditionFields(timestamps: ["lastTransitionTime"])),
        Definition(
            kind: "DaemonSet", group: "apps", version: "v1", "DaemonSet represents the configuration of a daemon set.",
            [
                Field("spec", .ref(apps("DaemonSetSpec")), "The desired behavior of this daemon set."),
                Field("status", .ref(apps("DaemonSetStatus")), "The current status of this daemon set."),
            ]),
        Definition(
            apps("DaemonSetSpec"), "DaemonSetSpec is the specification of a daemon set.",
            [
                selectorField,
                Field("template", .ref(core("PodTemplateSpec")), "An object that describes the pod that will be created.", required: true),
                Field("updateStrategy", .ref(apps("DaemonSetUpdateStrategy")), "Strategy to replace existing DaemonSet pods."),
                Field("minReadySeconds", .integer, "Minimum seconds a new pod must be ready to be considered available."),
                Field("revisionHistoryLimit", .integer, "The number of old history to retain to allow rollback."),
            ]),
        Definition(
            apps("DaemonSetUpdateStrategy"), "DaemonSetUpdateStrategy indicates the strategy used to replace existing pods.",
            [
                Field("type", .string, "Type of daemon set update: RollingUpdate or OnDelete."),
                Field("rollingUpdate", .ref(apps("RollingUpdateDaemonSet")), "Rolling update config params."),
            ]),
        Definition(
            apps("RollingUpdateDaemonSet"), "Spec to control the desired behavior of daemon set rolling update.",
            [
                Field("maxUnavailable", .intOrString, "The maximum number (or percentage) of DaemonSet pods that can be unavailable."),
                Field("maxSurge", .intOrString, "The maximum number (or percentage) of nodes running an extra updated pod."),
            ]),
        Definition(
            apps("DaemonSetStatus"), "DaemonSetStatus represents the current status of a daemon set.",
            ["currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"].map {
                Field($0, .integer, "Number of nodes (\($0)).", required: true)
            } + replicaCounts(["updatedNumberScheduled", "numberAvailable", "numberUnavailable"]) + [
                Field("observedGeneration", .integer, "The most recent generation observed by the daemon set controller."),
                Field("conditions", .array(.ref(apps("DaemonSetCondition"))), "The latest available observations of its state."),
            ]),
        Definition(
            apps("DaemonSetCondition"), "DaemonSetCondition describes the state of a DaemonSet at a certain point.",
            conditionFields(timestamps: ["lastTransitionTime"])),
    ]

    static let selectorField = Field(
        "selector", .ref(meta("LabelSelector")), "Label selector for pods; it must match the pod template's labels.", required: true)

    static func replicaCounts(_ names: [String]) -> [Field] {
        names.map { Field($0, .integer, "Number of pods (\($0)).") }
    }
}
