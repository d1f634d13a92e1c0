/// The resource types the hosted API serves, as data.
public enum ResourceCatalog {
    static func status(_ group: String, _ version: String, _ kind: String) -> Subresource {
        Subresource(name: "status", group: group, version: version, kind: kind, verbs: ["get", "patch", "update"])
    }
    static let scale = Subresource(name: "scale", group: "autoscaling", version: "v1", kind: "Scale", verbs: ["get", "patch", "update"])

    public static let served: [ResourceType] = [
        ResourceType(
            group: "", version: "v1", resource: "namespaces", kind: "Namespace", namespaced: false, shortNames: ["ns"],
            verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
            subresources: [status("", "v1", "Namespace")],
            columns: [.init("Status", .path(["status", "phase"])), .init("Age", .age)]),
        ResourceType(
            group: "", version: "v1", resource: "nodes", kind: "Node", namespaced: false, shortNames: ["no"],
            subresources: [status("", "v1", "Node")],
            columns: [
                .init("Status", .computed("nodeStatus")), .init("Roles", .computed("nodeRoles")), .init("Age", .age),
                .init("Version", .path(["status", "nodeInfo", "kubeletVersion"])),
                .init("Internal-IP", .computed("nodeInternalIP"), priority: 1),
                .init("External-IP", .computed("nodeExternalIP"), priority: 1),
                .init("OS-Image", .path(["status", "nodeInfo", "osImage"]), priority: 1),
                .init("Kernel-Version", .path(["status", "nodeInfo", "kernelVersion"]), priority: 1),
                .init("Container-Runtime", .path(["status", "nodeInfo", "containerRuntimeVersion"]), priority: 1),
            ]),
        ResourceType(
            group: "", version: "v1", resource: "pods", kind: "Pod", namespaced: true, shortNames: ["po"], categories: ["all"],
            subresources: [
                status("", "v1", "Pod"),
                Subresource(name: "eviction", group: "policy", version: "v1", kind: "Eviction", verbs: ["create"]),
                Subresource(name: "binding", group: "", version: "v1", kind: "Binding", verbs: ["create"]),
            ],
            columns: [
                .init("Ready", .computed("podReady")), .init("Status", .computed("podStatus")),
                .init("Restarts", .computed("podRestarts"), type: "integer"), .init("Age", .age),
                .init("IP", .path(["status", "podIP"]), priority: 1), .init("Node", .path(["spec", "nodeName"]), priority: 1),
                .init("Nominated Node", .path(["status", "nominatedNodeName"]), priority: 1),
                .init("Readiness Gates", .computed("podReadinessGates"), priority: 1),
            ]),
        ResourceType(
            group: "", version: "v1", resource: "services", kind: "Service", namespaced: true, shortNames: ["svc"], categories: ["all"],
            subresources: [status("", "v1", "Service")],
            columns: [
                .init("Type", .path(["spec", "type"])), .init("Cluster-IP", .path(["spec", "clusterIP"])),
                .init("External-IP", .computed("serviceExternalIP")), .init("Port(s)", .computed("servicePorts")), .init("Age", .age),
                .init("Selector", .computed("serviceSelector"), priority: 1),
            ]),
        ResourceType(
            group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true, shortNames: ["cm"],
            columns: [.init("Data", .computed("dataCount"), type: "integer"), .init("Age", .age)]),
        ResourceType(
            group: "", version: "v1", resource: "secrets", kind: "Secret", namespaced: true,
            columns: [.init("Type", .path(["type"])), .init("Data", .count(["data"]), type: "integer"), .init("Age", .age)]),
        ResourceType(
            group: "", version: "v1", resource: "serviceaccounts", kind: "ServiceAccount", namespaced: true, shortNames: ["sa"],
            columns: [.init("Secrets", .count(["secrets"]), type: "integer"), .init("Age", .age)]),
        ResourceType(
            group: "", version: "v1", resource: "events", kind: "Event", namespaced: true, shortNames: ["ev"],
            columns: [
                .init("Last Seen", .computed("eventLastSeen")), .init("Type", .path(["type"])), .init("Reason", .path(["reason"])),
                .init("Object", .computed("eventObject")), .init("Message", .path(["message"])),
            ]),
        ResourceType(
            group: "apps", version: "v1", resource: "deployments", kind: "Deployment", namespaced: true, shortNames: ["deploy"],
            categories: ["all"], subresources: [status("apps", "v1", "Deployment"), scale],
            columns: [
                .init("Ready", .ratio(["status", "readyReplicas"], ["spec", "replicas"])),
                .init("Up-to-date", .path(["status", "updatedReplicas"]), type: "integer"),
                .init("Available", .path(["status", "availableReplicas"]), type: "integer"), .init("Age", .age),
                .init("Containers", .computed("containerNames"), priority: 1), .init("Images", .computed("containerImages"), priority: 1),
                .init("Selector", .computed("labelSelector"), priority: 1),
            ]),
        ResourceType(
            group: "apps", version: "v1", resource: "replicasets", kind: "ReplicaSet", namespaced: true, shortNames: ["rs"],
            categories: ["all"], subresources: [status("apps", "v1", "ReplicaSet"), scale],
            columns: [
                .init("Desired", .path(["spec", "replicas"]), type: "integer"), .init("Current", .path(["status", "replicas"]), type: "integer"),
                .init("Ready", .path(["status", "readyReplicas"]), type: "integer"), .init("Age", .age),
                .init("Containers", .computed("containerNames"), priority: 1), .init("Images", .computed("containerImages"), priority: 1),
                .init("Selector", .computed("labelSelector"), priority: 1),
            ]),
        ResourceType(
            group: "apps", version: "v1", resource: "daemonsets", kind: "DaemonSet", namespaced: true, shortNames: ["ds"],
            categories: ["all"], subresources: [status("apps", "v1", "DaemonSet")],
            columns: [
                .init("Desired", .path(["status", "desiredNumberScheduled"]), type: "integer"),
                .init("Current", .path(["status", "currentNumberScheduled"]), type: "integer"),
                .init("Ready", .path(["status", "numberReady"]), type: "integer"),
                .init("Up-to-date", .path(["status", "updatedNumberScheduled"]), type: "integer"),
                .init("Available", .path(["status", "numberAvailable"]), type: "integer"),
                .init("Node Selector", .computed("nodeSelector")), .init("Age", .age),
                .init("Containers", .computed("containerNames"), priority: 1), .init("Images", .computed("containerImages"), priority: 1),
                .init("Selector", .computed("labelSelector"), priority: 1),
            ]),
        ResourceType(
            group: "rbac.authorization.k8s.io", version: "v1", resource: "roles", kind: "Role", namespaced: true,
            columns: [.init("Created At", .path(["metadata", "creationTimestamp"]), type: "date")]),
        ResourceType(
            group: "rbac.authorization.k8s.io", version: "v1", resource: "rolebindings", kind: "RoleBinding", namespaced: true,
            columns: [
                .init("Role", .computed("bindingRole")), .init("Age", .age),
                .init("Users", .computed("bindingUsers"), priority: 1), .init("Groups", .computed("bindingGroups"), priority: 1),
                .init("ServiceAccounts", .computed("bindingServiceAccounts"), priority: 1),
            ]),
        ResourceType(
            group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterroles", kind: "ClusterRole", namespaced: false,
            columns: [.init("Created At", .path(["metadata", "creationTimestamp"]), type: "date")]),
        ResourceType(
            group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterrolebindings", kind: "ClusterRoleBinding", namespaced: false,
            columns: [
                .init("Role", .computed("bindingRole")), .init("Age", .age),
                .init("Users", .computed("bindingUsers"), priority: 1), .init("Groups", .computed("bindingGroups"), priority: 1),
                .init("ServiceAccounts", .computed("bindingServiceAccounts"), priority: 1),
            ]),
        ResourceType(
            group: "coordination.k8s.io", version: "v1", resource: "leases", kind: "Lease", namespaced: true,
            columns: [.init("Holder", .path(["spec", "holderIdentity"])), .init("Age", .age)]),
        ResourceType(
            group: "authorization.k8s.io", version: "v1", resource: "selfsubjectaccessreviews", kind: "SelfSubjectAccessReview",
            namespaced: false, verbs: ["create"]),
    ]

    /// The type served at `group/version/resource`.
    public static func type(group: String, version: String, resource: String) -> ResourceType? {
        byPath[GroupVersionResource(group: group, version: version, resource: resource)]
    }

    /// The type of objects of `apiVersion`/`kind`.
    public static func type(apiVersion: String, kind: String) -> ResourceType? {
        served.first { $0.apiVersion == apiVersion && $0.kind == kind }
    }

    /// Group-versions in discovery order (core first, then groups by name).
    public static var groupVersions: [GroupVersion] {
        var seen: [GroupVersion] = []
        for type in served where !seen.contains(type.groupVersion) { seen.append(type.groupVersion) }
        return seen
    }

    struct GroupVersionResource: Hashable {
        let group: String
        let version: String
        let resource: String
    }

    static let byPath: [GroupVersionResource: ResourceType] = Dictionary(
        uniqueKeysWithValues: served.map { (GroupVersionResource(group: $0.group, version: $0.version, resource: $0.resource), $0) })
}
