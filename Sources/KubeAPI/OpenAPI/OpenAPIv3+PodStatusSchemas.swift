extension OpenAPIv3 {
    /// core/v1 PodStatus and the container states it reports.
    static let podStatusDefinitions: [Definition] = [
        Definition(
            core("PodStatus"), "PodStatus represents information about the status of a pod.",
            [
                Field("phase", .string, "The phase of a Pod: Pending, Running, Succeeded, Failed or Unknown."),
                Field("conditions", .array(.ref(core("PodCondition"))), "Current service state of the pod."),
                Field("hostIP", .string, "IP address of the host to which the pod is assigned."),
                Field("podIP", .string, "IP address allocated to the pod."),
                Field("podIPs", .array(.ref(core("PodIP"))), "IP addresses allocated to the pod."),
                Field("startTime", .dateTime, "Time at which the pod was acknowledged by the kubelet."),
                Field("containerStatuses", .array(.ref(core("ContainerStatus"))), "The status of each container in the pod."),
                Field("initContainerStatuses", .array(.ref(core("ContainerStatus"))), "The status of each init container."),
                Field("nominatedNodeName", .string, "Node the scheduler nominated for this pod after preemption."),
                Field("qosClass", .string, "Quality of Service class: Guaranteed, Burstable or BestEffort."),
                Field("reason", .string, "A brief CamelCase message indicating why the pod is in this state."),
                Field("message", .string, "A human readable message indicating why the pod is in this condition."),
            ]),
        Definition(
            core("PodCondition"), "PodCondition contains details for the current condition of this pod.",
            conditionFields(timestamps: ["lastProbeTime", "lastTransitionTime"])),
        Definition(core("PodIP"), "PodIP represents a single IP address allocated to the pod.", [Field("ip", .string, "IP address.")]),
        Definition(
            core("ContainerStatus"), "ContainerStatus contains details for the current status of this container.",
            [
                Field("name", .string, "Name of the container.", required: true),
                Field("image", .string, "Container image the container is running.", required: true),
                Field("imageID", .string, "Image ID of the container's image.", required: true),
                Field("containerID", .string, "ID of the container in the format '<type>://<container_id>'."),
                Field("ready", .boolean, "Whether the container is currently passing its readiness check.", required: true),
                Field("started", .boolean, "Whether the container has finished its postStart hook and passed its startup probe."),
                Field("restartCount", .integer, "How many times the container has been restarted.", required: true),
                Field("state", .ref(core("ContainerState")), "Details about the container's current condition."),
                Field("lastState", .ref(core("ContainerState")), "Details about the container's last termination condition."),
            ]),
        Definition(
            core("ContainerState"), "ContainerState holds a possible state of container; only one member is set.",
            [
                Field("waiting", .ref(core("ContainerStateWaiting")), "Details about a waiting container."),
                Field("running", .ref(core("ContainerStateRunning")), "Details about a running container."),
                Field("terminated", .ref(core("ContainerStateTerminated")), "Details about a terminated container."),
            ]),
        Definition(
            core("ContainerStateWaiting"), "A waiting state of a container.",
            [
                Field("reason", .string, "Reason the container is not yet running (ContainerCreating, CrashLoopBackOff...)."),
                Field("message", .string, "Message regarding why the container is not yet running."),
            ]),
        Definition(
            core("ContainerStateRunning"), "A running state of a container.",
            [Field("startedAt", .dateTime, "Time at which the container was last (re-)started.")]),
        Definition(
            core("ContainerStateTerminated"), "A terminated state of a container.",
            [
                Field("exitCode", .integer, "Exit status from the last termination of the container.", required: true),
                Field("signal", .integer, "Signal from the last termination of the container."),
                Field("reason", .string, "Reason from the last termination of the container (Completed, Error, OOMKilled...)."),
                Field("message", .string, "Message regarding the last termination of the container."),
                Field("startedAt", .dateTime, "Time at which previous execution of the container started."),
                Field("finishedAt", .dateTime, "Time at which the container last terminated."),
                Field("containerID", .string, "Container's ID in the format '<type>://<container_id>'."),
            ]),
    ]
}
