import Foundation

/// Admission for customer writes (CP2, N4, SEC5). The service's own identity is exempt.
/// - Managed objects (`kubernetes.azure.com/managedby: aks`) cannot be changed or deleted;
///   pods are exempt so that drains and evictions work, as their controllers recreate them.
/// - Reserved labels and annotations (`kubernetes.azure.com/*`, and on nodes the labels the
///   service sets) cannot be added, changed or removed.
/// - RBAC objects are checked for escalation as upstream does.
enum Admission {
    static let reservedPrefixes = ["kubernetes.azure.com/"]
    /// Node labels the service sets when a node registers (issue 5's node agents).
    static let reservedNodeLabels: Set<String> = [
        "agentpool", "kubernetes.io/os", "kubernetes.io/arch", "kubernetes.io/hostname", "kubernetes.io/role",
        "node.kubernetes.io/instance-type", "topology.kubernetes.io/region", "topology.kubernetes.io/zone",
        "beta.kubernetes.io/os", "beta.kubernetes.io/arch", "beta.kubernetes.io/instance-type",
        "failure-domain.beta.kubernetes.io/region", "failure-domain.beta.kubernetes.io/zone", "node-role.kubernetes.io/agent",
    ]

    static func admit(_ call: KubeCall, old: JSON?, new: JSON?) async throws(KubeError) {
        if call.isService { return }
        let type = call.type
        let name = ObjectMeta.name(new ?? old ?? [:])
        if type.resource != "pods", let old, ManagedObjects.isManaged(old) {
            let what = type.namespaced ? "\(type.kind) \(ObjectMeta.namespace(old))/\(name)" : "\(type.kind) \(name)"
            throw .forbidden("\(what) is managed by the service and cannot be \(new == nil ? "deleted" : "changed") (POLICY CP2: customers cannot modify managed components)")
        }
        try checkReserved(type: type, name: name, old: old, new: new, field: "labels")
        try checkReserved(type: type, name: name, old: old, new: new, field: "annotations")
        guard let new, !call.isMaster else { return }
        switch type.resource {
        case "roles", "clusterroles":
            let decision = try await Authorization.authorizer(call.store, now: call.now).mayWriteRole(call.user, role: new, namespace: call.target.namespace ?? "")
            if !decision.allowed { throw .forbidden("\(type.qualifiedName) \"\(name)\" is forbidden: user \"\(call.user.name)\" is attempting to grant RBAC permissions not currently held: \(decision.reason)") }
        case "rolebindings", "clusterrolebindings":
            let decision = try await Authorization.authorizer(call.store, now: call.now).mayWriteBinding(call.user, binding: new, namespace: call.target.namespace ?? "")
            if !decision.allowed { throw .forbidden("\(type.qualifiedName) \"\(name)\" is forbidden: \(decision.reason)") }
        default: break
        }
    }

    static func isReserved(_ key: String, type: ResourceType, field: String) -> Bool {
        if reservedPrefixes.contains(where: { key.hasPrefix($0) }) { return true }
        return field == "labels" && type.resource == "nodes" && reservedNodeLabels.contains(key)
    }

    static func checkReserved(type: ResourceType, name: String, old: JSON?, new: JSON?, field: String) throws(KubeError) {
        guard let new else { return }
        let before = ObjectMeta.stringMap(old?[path: ["metadata", field]])
        let after = ObjectMeta.stringMap(new[path: ["metadata", field]])
        for key in Set(before.keys).union(after.keys).sorted() where before[key] != after[key] && isReserved(key, type: type, field: field) {
            let noun = field == "labels" ? "label" : "annotation"
            throw .forbidden("\(type.qualifiedName) \"\(name)\" is forbidden: the \(noun) \(key) is reserved for the service and cannot be set, changed or removed (POLICY N4)")
        }
    }
}
