extension OpenAPIv3 {
    /// core/v1 Pod and the types a pod template is made of (shared with the workload kinds).
    static let podDefinitions: [Definition] = [
        Definition(
            kind: "Pod", group: "", version: "v1",
            "Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.",
            [
                Field("spec", .ref(core("PodSpec")), "Specification of the desired behavior of the pod."),
                Field("status", .ref(core("PodStatus")), "Most recently observed status of the pod. Read-only."),
            ]),
        Definition(
            core("PodTemplateSpec"), "PodTemplateSpec describes the data a pod should have when created from a template.",
            [
                Field("metadata", .ref(meta("ObjectMeta")), "Standard object's metadata."),
                Field("spec", .ref(core("PodSpec")), "Specification of the desired behavior of the pod."),
            ]),
        Definition(
            core("PodSpec"), "PodSpec is a description of a pod.",
            [
                Field("containers", .array(.ref(core("Container"))), "List of containers belonging to the pod.", required: true),
                Field("initContainers", .array(.ref(core("Container"))), "Containers run in order before the app containers start."),
                Field("nodeName", .string, "The node this pod is scheduled to; set by the scheduler."),
                Field("nodeSelector", .map(.string), "Labels a node must have for the pod to be scheduled on it."),
                Field("restartPolicy", .string, "Restart policy for all containers: Always, OnFailure or Never."),
                Field("serviceAccountName", .string, "Name of the ServiceAccount to use to run this pod."),
                Field("terminationGracePeriodSeconds", .integer, "Seconds the pod needs to terminate gracefully."),
                Field("activeDeadlineSeconds", .integer, "Seconds the pod may be active before the system fails it."),
                Field("dnsPolicy", .string, "DNS policy for the pod: ClusterFirst, Default, None or ClusterFirstWithHostNet."),
                Field("hostNetwork", .boolean, "Use the host's network namespace."),
                Field("priorityClassName", .string, "Name of the pod's PriorityClass."),
                Field("schedulerName", .string, "The scheduler that dispatches this pod."),
                Field("volumes", .array(.ref(core("Volume"))), "Volumes that can be mounted by containers of the pod."),
                Field("tolerations", .array(.ref(core("Toleration"))), "The pod's tolerations of node taints."),
                Field("imagePullSecrets", .array(.ref(core("LocalObjectReference"))), "Secrets used to pull the images."),
                Field("readinessGates", .array(.ref(core("PodReadinessGate"))), "Extra conditions evaluated for pod readiness."),
            ]),
        Definition(
            core("Container"), "A single application container that you want to run within a pod.",
            [
                Field("name", .string, "Name of the container specified as a DNS_LABEL.", required: true),
                Field("image", .string, "Container image name."),
                Field("imagePullPolicy", .string, "Image pull policy: Always, Never or IfNotPresent."),
                Field("command", .array(.string), "Entrypoint array; the image's ENTRYPOINT is used if not provided."),
                Field("args", .array(.string), "Arguments to the entrypoint; the image's CMD is used if not provided."),
                Field("workingDir", .string, "Container's working directory."),
                Field("ports", .array(.ref(core("ContainerPort"))), "List of ports to expose from the container."),
                Field("env", .array(.ref(core("EnvVar"))), "List of environment variables to set in the container."),
                Field("resources", .ref(core("ResourceRequirements")), "Compute resources required by this container."),
                Field("volumeMounts", .array(.ref(core("VolumeMount"))), "Pod volumes to mount into the container's filesystem."),
                Field("livenessProbe", .ref(core("Probe")), "Periodic probe of container liveness."),
                Field("readinessProbe", .ref(core("Probe")), "Periodic probe of container service readiness."),
                Field("startupProbe", .ref(core("Probe")), "Probe that must succeed before the other probes run."),
            ]),
        Definition(
            core("ContainerPort"), "ContainerPort represents a network port in a single container.",
            [
                Field("name", .string, "An IANA_SVC_NAME that services can refer to."),
                Field("containerPort", .integer, "Port number to expose on the pod's IP address.", required: true),
                Field("protocol", .string, "Protocol for the port: UDP, TCP or SCTP. Defaults to TCP."),
                Field("hostPort", .integer, "Port number to expose on the host."),
                Field("hostIP", .string, "Host IP to bind the external port to."),
            ]),
        Definition(
            core("EnvVar"), "EnvVar represents an environment variable present in a Container.",
            [
                Field("name", .string, "Name of the environment variable.", required: true),
                Field("value", .string, "Value of the variable; $(VAR_NAME) references are expanded."),
                Field("valueFrom", .ref(core("EnvVarSource")), "Source for the value; cannot be used if value is not empty."),
            ]),
        Definition(
            core("EnvVarSource"), "EnvVarSource represents a source for the value of an EnvVar.",
            [
                Field("configMapKeyRef", .ref(core("ConfigMapKeySelector")), "Selects a key of a ConfigMap."),
                Field("secretKeyRef", .ref(core("SecretKeySelector")), "Selects a key of a secret in the pod's namespace."),
                Field("fieldRef", .ref(core("ObjectFieldSelector")), "Selects a field of the pod."),
            ]),
        Definition(core("ConfigMapKeySelector"), "Selects a key from a ConfigMap.", keySelectorFields),
        Definition(core("SecretKeySelector"), "SecretKeySelector selects a key of a Secret.", keySelectorFields),
        Definition(
            core("ObjectFieldSelector"), "ObjectFieldSelector selects an APIVersioned field of an object.",
            [
                Field("apiVersion", .string, "Version of the schema the FieldPath is written in terms of."),
                Field("fieldPath", .string, "Path of the field to select in the specified API version.", required: true),
            ]),
        Definition(
            core("ResourceRequirements"), "ResourceRequirements describes the compute resource requirements.",
            [
                Field("limits", .map(.quantity), "Maximum amount of compute resources allowed (cpu, memory)."),
                Field("requests", .map(.quantity), "Minimum amount of compute resources required (cpu, memory)."),
            ]),
        Definition(
            core("VolumeMount"), "VolumeMount describes a mounting of a Volume within a container.",
            [
                Field("name", .string, "This must match the Name of a Volume.", required: true),
                Field("mountPath", .string, "Path within the container at which the volume should be mounted.", required: true),
                Field("readOnly", .boolean, "Mounted read-only if true."),
                Field("subPath", .string, "Path within the volume from which the container's volume should be mounted."),
            ]),
        Definition(
            core("Volume"), "Volume represents a named volume in a pod that may be accessed by any container in the pod.",
            [
                Field("name", .string, "Name of the volume; must be a DNS_LABEL and unique within the pod.", required: true),
                Field("configMap", .freeform, "A ConfigMap that should populate this volume."),
                Field("secret", .freeform, "A Secret that should populate this volume."),
                Field("emptyDir", .freeform, "A temporary directory that shares a pod's lifetime."),
                Field("hostPath", .freeform, "A pre-existing file or directory on the host machine."),
                Field("persistentVolumeClaim", .freeform, "A reference to a PersistentVolumeClaim in the same namespace."),
            ]),
        Definition(
            core("Probe"), "Probe describes a health check to be performed against a container.",
            [
                Field("exec", .freeform, "Exec specifies a command to execute in the container."),
                Field("httpGet", .ref(core("HTTPGetAction")), "HTTPGet specifies an HTTP GET request to perform."),
                Field("tcpSocket", .ref(core("TCPSocketAction")), "TCPSocket specifies a connection to a TCP port."),
                Field("initialDelaySeconds", .integer, "Seconds after the container has started before probes are initiated."),
                Field("periodSeconds", .integer, "How often (in seconds) to perform the probe."),
                Field("timeoutSeconds", .integer, "Seconds after which the probe times out."),
                Field("successThreshold", .integer, "Minimum consecutive successes for the probe to be considered successful."),
                Field("failureThreshold", .integer, "Minimum consecutive failures for the probe to be considered failed."),
            ]),
        Definition(
            core("HTTPGetAction"), "HTTPGetAction describes an action based on HTTP Get requests.",
            [
                Field("path", .string, "Path to access on the HTTP server."),
                Field("port", .intOrString, "Name or number of the port to access on the container.", required: true),
                Field("host", .string, "Host name to connect to, defaults to the pod IP."),
                Field("scheme", .string, "Scheme to use for connecting to the host: HTTP or HTTPS."),
            ]),
        Definition(
            core("TCPSocketAction"), "TCPSocketAction describes an action based on opening a socket.",
            [
                Field("port", .intOrString, "Number or name of the port to access on the container.", required: true),
                Field("host", .string, "Optional: host name to connect to, defaults to the pod IP."),
            ]),
        Definition(
            core("Toleration"), "The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect>.",
            [
                Field("key", .string, "The taint key that the toleration applies to."),
                Field("operator", .string, "Key's relationship to the value: Exists or Equal."),
                Field("value", .string, "The taint value the toleration matches to."),
                Field("effect", .string, "The taint effect to match: NoSchedule, PreferNoSchedule or NoExecute."),
                Field("tolerationSeconds", .integer, "How long a NoExecute taint is tolerated before eviction."),
            ]),
        Definition(
            core("LocalObjectReference"), "A reference to an object in the same namespace.",
            [Field("name", .string, "Name of the referent.")]),
        Definition(
            core("PodReadinessGate"), "PodReadinessGate contains the reference to a pod condition.",
            [Field("conditionType", .string, "Refers to a condition in the pod's condition list.", required: true)]),
    ]

    static let keySelectorFields: [Field] = [
        Field("key", .string, "The key to select.", required: true),
        Field("name", .string, "Name of the referent."),
        Field("optional", .boolean, "Specify whether the object or its key must be defined."),
    ]
}
