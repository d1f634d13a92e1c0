import Core
import Foundation
import Hummingbird
import ManagementStore
import Wire

/// Credentials and the upgrade profile of a cluster.
enum ClusterAccessHandlers {
    static let base = "\(ManagedClusterHandlers.base)/{resourceName}"

    static var routes: [Route] {
        [
            Route(.post, "\(base)/listClusterUserCredential", name: "managedClusters/listClusterUserCredential") { try await credentials($0, admin: false) },
            Route(.post, "\(base)/listClusterAdminCredential", name: "managedClusters/listClusterAdminCredential") { try await credentials($0, admin: true) },
            Route(.get, "\(base)/upgradeProfiles/default", name: "managedClusters/upgradeProfile", handler: upgradeProfile),
        ]
    }

    static func credentials(_ call: APICall, admin: Bool) async throws -> Response {
        let id = try ManagedClusterHandlers.clusterID(call)
        let cluster = try await ManagedClusterHandlers.load(call, id)
        if admin, cluster.spec.disableLocalAccounts {
            throw ServiceError.invalidParameter(
                target: "properties.disableLocalAccounts",
                message: "Getting static credentials is not allowed because this cluster has local accounts disabled.")
        }
        let role = admin ? KubeconfigBuilder.Role.clusterAdmin : .clusterUser
        guard let planes = call.env.controlPlanes else { throw ServiceError.internalFailure(message: "The hosted Kubernetes API is not configured.") }
        // A year, as AKS's static credentials; rotating the cluster's CA (not yet offered) would end them sooner.
        let token = try planes.issueToken(clusterUID: cluster.status.resourceUID, role: role.rawValue, expiry: call.env.clock.now().addingTimeInterval(365 * 86_400))
        let yaml = KubeconfigBuilder(serverBase: call.env.kubeAPI.baseURL, certificatePEM: call.env.kubeAPI.certificatePEM).kubeconfig(for: cluster, role: role, token: token)
        let value = Data(yaml.utf8).base64EncodedString()
        return try JSONResponse.make(.ok, CredentialResultsWire(kubeconfigs: [.init(name: role.rawValue, value: value)]))
    }

    static func upgradeProfile(_ call: APICall) async throws -> Response {
        let id = try ManagedClusterHandlers.clusterID(call)
        let cluster = try await ManagedClusterHandlers.load(call, id)
        let pools = try await call.env.store.agentPools(of: id)
        let catalogs = call.env.catalogs(call.env.clock.now())
        let now = catalogs.now
        func upgrades(_ version: String) -> [UpgradeProfileWire.Upgrade] {
            catalogs.versions.upgrades(from: version, at: now).map {
                UpgradeProfileWire.Upgrade(kubernetesVersion: $0, isPreview: catalogs.versions.minor(of: $0)?.isPreview == true ? true : nil)
            }
        }
        let current = cluster.status.currentKubernetesVersion ?? cluster.spec.kubernetesVersion
        let profile = UpgradeProfileWire(
            id: "\(cluster.id.armID)/upgradeprofiles/default", name: "default",
            type: "Microsoft.ContainerService/managedClusters/upgradeprofiles",
            properties: .init(
                controlPlaneProfile: .init(kubernetesVersion: current, name: nil, osType: "Linux", upgrades: upgrades(current)),
                agentPoolProfiles: pools.map {
                    .init(kubernetesVersion: $0.spec.orchestratorVersion, name: $0.id.name, osType: $0.spec.osType, upgrades: upgrades($0.spec.orchestratorVersion))
                }))
        return try JSONResponse.make(.ok, profile)
    }
}
