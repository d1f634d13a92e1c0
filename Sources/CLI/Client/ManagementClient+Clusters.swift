import Wire

/// Managed cluster calls (`Microsoft.ContainerService/managedClusters`).
extension ManagementClient {
    func cluster(_ cluster: ResourcePath.Cluster) async throws -> ManagedClusterWire {
        try await fetch(ManagedClusterWire.self, .GET, cluster.path)
    }

    func clusters(subscription: String, resourceGroup: String?) async throws -> [ManagedClusterWire] {
        try await list(
            ManagedClusterWire.self, ResourcePath.clusters(subscription: subscription, resourceGroup: resourceGroup))
    }

    /// PUT the cluster; the reply starts a long-running operation.
    func putCluster(_ cluster: ResourcePath.Cluster, _ body: ManagedClusterWire) async throws -> HTTPReply {
        try await send(.PUT, cluster.path, body: body)
    }

    /// PATCH the cluster's tags (`begin_update_tags`); replaces the whole tag set.
    func updateTags(_ cluster: ResourcePath.Cluster, _ tags: [String: String]) async throws -> HTTPReply {
        try await send(.PATCH, cluster.path, body: TagsPatch(tags: tags))
    }

    func deleteCluster(_ cluster: ResourcePath.Cluster) async throws -> HTTPReply {
        try await send(.DELETE, cluster.path)
    }

    /// POST `stop` or `start`.
    func powerAction(_ cluster: ResourcePath.Cluster, _ action: PowerAction) async throws -> HTTPReply {
        try await send(.POST, cluster.child(action.rawValue))
    }

    func credentials(_ cluster: ResourcePath.Cluster, admin: Bool) async throws -> CredentialResultsWire {
        let action = admin ? "listClusterAdminCredential" : "listClusterUserCredential"
        return try await fetch(CredentialResultsWire.self, .POST, cluster.child(action))
    }

    func upgradeProfile(_ cluster: ResourcePath.Cluster) async throws -> UpgradeProfileWire {
        try await fetch(UpgradeProfileWire.self, .GET, cluster.child("upgradeProfiles", "default"))
    }

    func kubernetesVersions(subscription: String, location: String) async throws -> KubernetesVersionListWire {
        try await fetch(
            KubernetesVersionListWire.self, .GET,
            ResourcePath.kubernetesVersions(subscription: subscription, location: location))
    }
}

/// The cluster actions that change its power state.
enum PowerAction: String, Sendable {
    case stop, start
}

/// `PATCH` body of `begin_update_tags`. Local: Wire has no tags-only object.
struct TagsPatch: Codable, Sendable, Equatable {
    var tags: [String: String]
}
