extension OpenAPIv3 {
    /// core/v1 kinds other than Pod: Namespace, Node, Service, ConfigMap, Secret, ServiceAccount, Event.
    static let coreDefinitions: [Definition] = [
        Definition(
            kind: "Namespace", group: "", version: "v1", "Namespace provides a scope for Names.",
            [
                Field("spec", .ref(core("NamespaceSpec")), "Spec defines the behavior of the Namespace."),
                Field("status", .ref(core("NamespaceStatus")), "Status describes the current status of a Namespace."),
            ]),
        Definition(
            core("NamespaceSpec"), "NamespaceSpec describes the attributes on a Namespace.",
            [Field("finalizers", .array(.string), "Must be empty before the namespace is removed from storage.")]),
        Definition(
            core("NamespaceStatus"), "NamespaceStatus is information about the current status of a Namespace.",
            [
                Field("phase", .string, "The current lifecycle phase of the namespace: Active or Terminating."),
                Field("conditions", .array(.ref(core("NamespaceCondition"))), "The latest available observations of the namespace's state."),
            ]),
        Definition(
            core("NamespaceCondition"), "NamespaceCondition contains details about the state of a namespace.",
            conditionFields(timestamps: ["lastTransitionTime"])),
        Definition(
            kind: "Node", group: "", version: "v1", "Node is a worker node in Kubernetes.",
            [
                Field("spec", .ref(core("NodeSpec")), "Spec defines the behavior of a node."),
                Field("status", .ref(core("NodeStatus")), "Most recently observed status of the node."),
            ]),
        Definition(
            core("NodeSpec"), "NodeSpec describes the attributes that a node is created with.",
            [
                Field("unschedulable", .boolean, "Unschedulable controls node schedulability of new pods (cordon)."),
                Field("taints", .array(.ref(core("Taint"))), "If specified, the node's taints."),
                Field("podCIDR", .string, "The pod IP range assigned to the node."),
                Field("podCIDRs", .array(.string), "The IP ranges assigned to the node for use by pods on that node."),
                Field("providerID", .string, "ID of the node assigned by the cloud provider."),
            ]),
        Definition(
            core("Taint"), "The node this Taint is attached to has the \"effect\" on any pod that does not tolerate the Taint.",
            [
                Field("key", .string, "The taint key to be applied to a node.", required: true),
                Field("value", .string, "The taint value corresponding to the taint key."),
                Field("effect", .string, "The effect of the taint: NoSchedule, PreferNoSchedule or NoExecute.", required: true),
                Field("timeAdded", .dateTime, "The time at which a NoExecute taint was added."),
            ]),
        Definition(
            core("NodeStatus"), "NodeStatus is information about the current status of a node.",
            [
                Field("capacity", .map(.quantity), "Total resources of the node."),
                Field("allocatable", .map(.quantity), "Resources of the node available for scheduling."),
                Field("conditions", .array(.ref(core("NodeCondition"))), "Current observed node conditions (Ready...)."),
                Field("addresses", .array(.ref(core("NodeAddress"))), "Addresses reachable to the node."),
                Field("nodeInfo", .ref(core("NodeSystemInfo")), "General information about the node."),
            ]),
        Definition(
            core("NodeCondition"), "NodeCondition contains condition information for a node.",
            conditionFields(timestamps: ["lastHeartbeatTime", "lastTransitionTime"])),
        Definition(
            core("NodeAddress"), "NodeAddress contains information for the node's address.",
            [
                Field("type", .string, "Node address type: Hostname, ExternalIP or InternalIP.", required: true),
                Field("address", .string, "The node address.", required: true),
            ]),
        Definition(
            core("NodeSystemInfo"), "NodeSystemInfo is a set of ids/uuids to uniquely identify the node.",
            ["machineID", "systemUUID", "bootID", "kernelVersion", "osImage", "containerRuntimeVersion", "kubeletVersion",
             "kubeProxyVersion", "operatingSystem", "architecture"].map { Field($0, .string, "Reported by the node (\($0)).", required: true) }),
        Definition(
            kind: "Service", group: "", version: "v1",
            "Service is a named abstraction of software service consisting of a local port that the proxy listens on.",
            [
                Field("spec", .ref(core("ServiceSpec")), "Spec defines the behavior of a service."),
                Field("status", .ref(core("ServiceStatus")), "Most recently observed status of the service."),
            ]),
        Definition(
            core("ServiceSpec"), "ServiceSpec describes the attributes that a user creates on a service.",
            [
                Field("ports", .array(.ref(core("ServicePort"))), "The list of ports that are exposed by this service."),
                Field("selector", .map(.string), "Route service traffic to pods with label keys and values matching this selector."),
                Field("type", .string, "How the Service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName."),
                Field("clusterIP", .string, "The IP address of the service, usually assigned randomly."),
                Field("clusterIPs", .array(.string), "IP addresses assigned to this service."),
                Field("externalIPs", .array(.string), "IP addresses for which nodes in the cluster will also accept traffic."),
                Field("externalName", .string, "The external reference that discovery mechanisms return as an alias."),
                Field("sessionAffinity", .string, "ClientIP or None."),
                Field("externalTrafficPolicy", .string, "How nodes distribute service traffic they receive: Cluster or Local."),
            ]),
        Definition(
            core("ServicePort"), "ServicePort contains information on service's port.",
            [
                Field("name", .string, "The name of this port within the service."),
                Field("protocol", .string, "The IP protocol for this port: TCP, UDP or SCTP. Default is TCP."),
                Field("port", .integer, "The port that will be exposed by this service.", required: true),
                Field("targetPort", .intOrString, "Number or name of the port to access on the pods targeted by the service."),
                Field("nodePort", .integer, "The port on each node on which this service is exposed (NodePort, LoadBalancer)."),
                Field("appProtocol", .string, "The application protocol for this port."),
            ]),
        Definition(
            core("ServiceStatus"), "ServiceStatus represents the current status of a service.",
            [
                Field("loadBalancer", .ref(core("LoadBalancerStatus")), "The current status of the load-balancer, if one is present."),
                Field("conditions", .array(.ref(meta("Condition"))), "Current service state."),
            ]),
        Definition(
            core("LoadBalancerStatus"), "LoadBalancerStatus represents the status of a load-balancer.",
            [Field("ingress", .array(.ref(core("LoadBalancerIngress"))), "Ingress points for the load-balancer.")]),
        Definition(
            core("LoadBalancerIngress"), "An ingress point for a load-balancer.",
            [
                Field("ip", .string, "IP for IP-based load-balancer ingress points."),
                Field("hostname", .string, "Hostname for DNS-based load-balancer ingress points."),
            ]),
        Definition(
            kind: "ConfigMap", group: "", version: "v1", "ConfigMap holds configuration data for pods to consume.",
            [
                Field("data", .map(.string), "Configuration data in UTF-8 strings."),
                Field("binaryData", .map(.bytes), "Binary configuration data, base64-encoded."),
                Field("immutable", .boolean, "If true, the data cannot be updated."),
            ]),
        Definition(
            kind: "Secret", group: "", version: "v1", "Secret holds secret data of a certain type.",
            [
                Field("data", .map(.bytes), "Secret data, base64-encoded."),
                Field("stringData", .map(.string), "Write-only convenience field: non-binary data merged into data on write."),
                Field("type", .string, "Used to facilitate programmatic handling of secret data (Opaque, kubernetes.io/tls...)."),
                Field("immutable", .boolean, "If true, the data cannot be updated."),
            ]),
        Definition(
            kind: "ServiceAccount", group: "", version: "v1",
            "ServiceAccount binds together a name understood by users, a principal for the API, and a set of secrets.",
            [
                Field("secrets", .array(.ref(core("ObjectReference"))), "Secrets in the same namespace that pods may use."),
                Field("imagePullSecrets", .array(.ref(core("LocalObjectReference"))), "Secrets used to pull images."),
                Field("automountServiceAccountToken", .boolean, "Whether pods get an API token mounted automatically."),
            ]),
        Definition(
            core("ObjectReference"), "ObjectReference contains enough information to let you inspect or modify the referred object.",
            ["apiVersion", "kind", "namespace", "name", "uid", "resourceVersion", "fieldPath"].map {
                Field($0, .string, "The \($0) of the referent.")
            }),
        Definition(
            kind: "Event", group: "", version: "v1", "Event is a report of an event somewhere in the cluster.",
            [
                Field("involvedObject", .ref(core("ObjectReference")), "The object that this event is about.", required: true),
                Field("reason", .string, "Short, machine understandable string that gives the reason for the transition."),
                Field("message", .string, "A human-readable description of the status of this operation."),
                Field("type", .string, "Type of this event (Normal, Warning)."),
                Field("count", .integer, "The number of times this event has occurred."),
                Field("firstTimestamp", .dateTime, "The time at which the event was first recorded."),
                Field("lastTimestamp", .dateTime, "The time at which the most recent occurrence of this event was recorded."),
                Field("eventTime", .dateTime, "Time when this Event was first observed."),
                Field("source", .freeform, "The component reporting this event."),
                Field("reportingComponent", .string, "Name of the controller that emitted this Event."),
                Field("reportingInstance", .string, "ID of the controller instance."),
                Field("action", .string, "What action was taken/failed regarding the involved object."),
            ]),
    ]
}
