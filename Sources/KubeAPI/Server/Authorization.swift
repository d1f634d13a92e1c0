import Foundation

/// Authorization of hosted-API requests: `system:masters` and the service pass; everyone else
/// is checked against the cluster's RBAC objects, read fresh for each request.
enum Authorization {
    static let jitExpiryAnnotation = "kubernetes.azure.com/jit-grant-expires"

    static func check(plane: HostedControlPlane, user: UserInfo, now: Date, _ attributes: RequestAttributes) async throws(KubeError) {
        if user.groups.contains("system:masters") || user.groups.contains(KubeUsers.serviceGroup) { return }
        let authorizer = try await authorizer(plane.store, now: now)
        let decision = authorizer.authorize(user, attributes)
        guard decision.allowed else { throw .forbidden(forbiddenMessage(user, attributes)) }
    }

    /// Upstream's wording: `pods "web" is forbidden: User "alice" cannot get resource ...`.
    static func forbiddenMessage(_ user: UserInfo, _ attributes: RequestAttributes) -> String {
        let sentence = RBACAuthorizer.forbiddenMessage(user, attributes)
        guard attributes.isResourceRequest else { return "forbidden: \(sentence)" }
        let resource = attributes.group.isEmpty ? attributes.resource : "\(attributes.resource).\(attributes.group)"
        let subject = attributes.name.isEmpty ? resource : "\(resource) \"\(attributes.name)\""
        return "\(subject) is forbidden: \(sentence)"
    }

    /// The cluster's RBAC as of now. SEC5: subjects of `aks-service-rolebinding` count only
    /// while the just-in-time grant recorded on it has not expired.
    static func authorizer(_ store: ObjectStore, now: Date) async throws(KubeError) -> RBACAuthorizer {
        func all(_ resource: String) async throws(KubeError) -> [JSON] {
            let type = ResourceCatalog.type(group: "rbac.authorization.k8s.io", version: "v1", resource: resource)!
            return try await store.list(type, namespace: nil).items
        }
        var clusterRoleBindings = try await all("clusterrolebindings")
        for index in clusterRoleBindings.indices where ObjectMeta.name(clusterRoleBindings[index]) == ManagedObjects.aksServiceBinding {
            if !JITGrant.isLive(clusterRoleBindings[index], now: now) { clusterRoleBindings[index]["subjects"] = [] }
        }
        return RBACAuthorizer(snapshot: RBACSnapshot(
            roles: try await all("roles"), clusterRoles: try await all("clusterroles"),
            roleBindings: try await all("rolebindings"), clusterRoleBindings: clusterRoleBindings))
    }

    static func attributes(_ call: KubeCall, verb: String, name: String? = nil) -> RequestAttributes {
        RequestAttributes(
            verb: verb, group: call.type.group, resource: call.type.resource,
            subresource: call.target.subresource ?? "", namespace: call.target.namespace ?? "", name: name ?? call.target.name ?? "")
    }
}
