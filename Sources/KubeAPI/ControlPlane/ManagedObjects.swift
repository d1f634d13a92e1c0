import Foundation

/// The objects every cluster starts with (CP1, SEC5): the system namespaces, the managed
/// add-ons in `kube-system`, the default RBAC roles and the provider's `aks-service` role and
/// binding. Managed ones carry `kubernetes.azure.com/managedby: aks`; admission rejects
/// customer writes to them (CP2). `coredns-custom` is deliberately not managed: it is where
/// customers extend DNS, as on AKS.
public enum ManagedObjects {
    public static let managedLabel = "kubernetes.azure.com/managedby"
    public static let managedValue = "aks"
    public static let aksServiceRole = "aks-service"
    public static let aksServiceBinding = "aks-service-rolebinding"
    /// The user a just-in-time grant adds to `aks-service-rolebinding`.
    public static let aksServiceUser = "aks-support"

    static let managedLabels: JSON = [
        .init(stringLiteral: managedLabel): .string(managedValue), "addonmanager.kubernetes.io/mode": "Reconcile",
    ]

    /// Creates whatever of the set is missing; never overwrites (a restart keeps customer data).
    static func ensure(in store: ObjectStore, now: Date) async throws(KubeError) {
        for (type, object) in all() {
            let ref = ObjectReference(type, namespace: ObjectMeta.namespace(object), name: ObjectMeta.name(object))
            if try await store.find(ref) != nil { continue }
            do {
                try await store.create(ref, ObjectMeta.prepareForCreate(object, type: type, namespace: ref.namespace, now: now))
            } catch where error.reason == "AlreadyExists" {
                continue
            }
        }
    }

    /// True when the object is one the service manages.
    public static func isManaged(_ object: JSON) -> Bool {
        ObjectMeta.labels(object)[managedLabel] == managedValue
    }

    static func all() -> [(ResourceType, JSON)] {
        func type(_ resource: String, _ group: String = "") -> ResourceType {
            ResourceCatalog.type(group: group, version: "v1", resource: resource)!
        }
        var objects: [(ResourceType, JSON)] = []
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            var ns: JSON = ["metadata": ["name": .string(name)], "spec": ["finalizers": ["kubernetes"]], "status": ["phase": "Active"]]
            if name != "default" { ns[path: ["metadata", "labels"]] = managedLabels }
            objects.append((type("namespaces"), ns))
        }
        for namespace in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            objects.append((type("serviceaccounts"), ["metadata": ["name": "default", "namespace": .string(namespace)]]))
        }
        for addon in ManagedAddon.all {
            objects.append((type("serviceaccounts"), managed(["metadata": ["name": .string(addon.name), "namespace": "kube-system"]])))
            objects.append((type(addon.daemonSet ? "daemonsets" : "deployments", "apps"), addon.workload(labels: managedLabels)))
        }
        objects.append((type("services"), managed(ManagedAddon.kubeDNSService)))
        objects.append((type("configmaps"), managed(["metadata": ["name": "coredns", "namespace": "kube-system"], "data": ["Corefile": .string(ManagedAddon.corefile)]])))
        objects.append((type("configmaps"), ["metadata": ["name": "coredns-custom", "namespace": "kube-system"], "data": [:]]))
        for role in RBACAuthorizer.defaultClusterRoles { objects.append((type("clusterroles", "rbac.authorization.k8s.io"), managed(role))) }
        for binding in RBACAuthorizer.defaultClusterRoleBindings {
            objects.append((type("clusterrolebindings", "rbac.authorization.k8s.io"), managed(binding)))
        }
        objects.append((type("clusterroles", "rbac.authorization.k8s.io"), managed(aksServiceClusterRole)))
        objects.append((type("clusterrolebindings", "rbac.authorization.k8s.io"), managed(aksServiceRoleBinding)))
        return objects
    }

    static func managed(_ object: JSON) -> JSON {
        var object = object
        var labels = object[path: ["metadata", "labels"]] ?? [:]
        for (key, value) in managedLabels.objectValue ?? [:] { labels[key] = value }
        object[path: ["metadata", "labels"]] = labels
        return object
    }

    /// SEC5: read everything, troubleshoot workloads (evict, delete pods, cordon nodes), and
    /// nothing that touches permissions: no verbs on RBAC objects beyond read, no escalate,
    /// bind or impersonate.
    static let aksServiceClusterRole: JSON = [
        "metadata": ["name": .string(aksServiceRole)],
        "rules": [
            ["apiGroups": ["*"], "resources": ["*"], "verbs": ["get", "list", "watch"]],
            ["apiGroups": [""], "resources": ["pods", "pods/eviction"], "verbs": ["create", "delete"]],
            ["apiGroups": [""], "resources": ["nodes"], "verbs": ["patch", "update"]],
            ["apiGroups": ["apps"], "resources": ["deployments", "deployments/scale", "daemonsets", "replicasets"], "verbs": ["patch", "update"]],
        ],
    ]

    /// No subjects until a just-in-time grant is live (`JITGrant`).
    static let aksServiceRoleBinding: JSON = [
        "metadata": ["name": .string(aksServiceBinding)],
        "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(aksServiceRole)],
        "subjects": [],
    ]
}
