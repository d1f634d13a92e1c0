import Core
import Foundation
import Hummingbird
import KubeAPI
import ManagementStore
import Wire

/// SEC5's just-in-time support access, for the provider: while a grant lives, the support
/// identity is bound to the `aks-service` role in the cluster and gets a kubeconfig that
/// expires with the grant. (The support-desk workflow that asks the tenant's consent builds on this.)
enum SupportAccessHandlers {
    static let base = "admin/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/managedClusters/{resourceName}/supportAccess"

    static var routes: [Route] {
        [
            Route(.post, base, name: "admin/supportAccess/grant", access: .admin, versioned: false, handler: grant),
            Route(.delete, base, name: "admin/supportAccess/revoke", access: .admin, versioned: false, handler: revoke),
            Route(.get, "admin/controlPlanes", name: "admin/controlPlanes", access: .admin, versioned: false, handler: controlPlanes),
        ]
    }

    static func cluster(_ call: APICall) async throws -> ManagedClusterRecord {
        let id = ClusterID(subscription: call.param("subscriptionId"), resourceGroup: call.param("resourceGroupName"), name: call.param("resourceName"))
        guard let cluster = try await call.env.store.cluster(id) else { throw ServiceError.notFound(kind: "managed cluster", name: id.name) }
        return cluster
    }

    static func grant(_ call: APICall) async throws -> Response {
        let request = try RequestDecoding.decode(SupportAccessRequestWire.self, from: call.body, schema: .object(["minutes": .scalar]))
        guard (1...1440).contains(request.minutes) else {
            throw ServiceError.invalidParameter(target: "minutes", message: "A support grant lasts 1 to 1440 minutes; got \(request.minutes).")
        }
        let cluster = try await cluster(call)
        let uid = cluster.status.resourceUID
        let expiry = call.env.clock.now().addingTimeInterval(Double(request.minutes) * 60)
        guard let planes = call.env.controlPlanes, try await planes.grantSupportAccess(clusterUID: uid, until: expiry) else {
            throw ServiceError.conflict(message: "The cluster's control plane is not running; start the cluster before granting support access.")
        }
        let token = try planes.issueToken(clusterUID: uid, role: ManagedObjects.aksServiceUser, expiry: expiry)
        let yaml = KubeconfigBuilder(serverBase: call.env.kubeAPI.baseURL, certificatePEM: call.env.kubeAPI.certificatePEM)
            .kubeconfig(for: cluster, userName: ManagedObjects.aksServiceUser, token: token)
        return try JSONResponse.make(.ok, SupportAccessWire(
            clusterId: cluster.id.armID, user: ManagedObjects.aksServiceUser, expiresOn: ARMTime.string(from: expiry), kubeconfig: Data(yaml.utf8).base64EncodedString()))
    }

    static func revoke(_ call: APICall) async throws -> Response {
        let cluster = try await cluster(call)
        guard let planes = call.env.controlPlanes, try await planes.revokeSupportAccess(clusterUID: cluster.status.resourceUID) else {
            throw ServiceError.conflict(message: "The cluster's control plane is not running.")
        }
        return JSONResponse.empty(.noContent)
    }
}

extension SupportAccessHandlers {
    /// CP1: every running control plane's components as last checked (checked now when never
    /// checked yet), with the count of automatic restarts.
    static func controlPlanes(_ call: APICall) async throws -> Response {
        guard let planes = call.env.controlPlanes else { return try JSONResponse.make(.ok, ControlPlanesWire(value: [])) }
        var reported = Dictionary(uniqueKeysWithValues: await planes.healthReport.map { ($0.clusterUID, $0) })
        for uid in await planes.runningClusters where reported[uid] == nil {
            await planes.record(clusterUID: uid, components: await planes.probe(clusterUID: uid), restarted: false)
        }
        reported = Dictionary(uniqueKeysWithValues: await planes.healthReport.map { ($0.clusterUID, $0) })
        let value = reported.keys.sorted().compactMap { reported[$0] }.map {
            ControlPlanesWire.Entry(
                clusterUid: $0.clusterUID, kubernetesVersion: $0.kubernetesVersion, healthy: $0.healthy,
                checkedAt: ARMTime.string(from: $0.checkedAt), restarts: $0.restarts, components: $0.components)
        }
        return try JSONResponse.make(.ok, ControlPlanesWire(value: value))
    }
}

struct ControlPlanesWire: Encodable {
    struct Entry: Encodable {
        let clusterUid: String
        let kubernetesVersion: String
        let healthy: Bool
        let checkedAt: String
        let restarts: Int
        let components: [ComponentHealth]
    }

    let value: [Entry]
}

struct SupportAccessRequestWire: Decodable {
    let minutes: Int
}

struct SupportAccessWire: Encodable {
    let clusterId: String
    let user: String
    let expiresOn: String
    /// Base64 kubeconfig for the support identity; it stops working when the grant expires.
    let kubeconfig: String
}
