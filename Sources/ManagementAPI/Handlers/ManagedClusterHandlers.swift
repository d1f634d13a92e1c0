import Core
import Foundation
import Hummingbird
import ManagementStore
import Operations
import Wire

/// `managedClusters`: PUT, GET, PATCH (tags), DELETE, lists, stop and start.
enum ManagedClusterHandlers {
    static let base = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters"

    static var routes: [Route] {
        [
            Route(.put, "\(base)/{resourceName}", name: "managedClusters/put", handler: put),
            Route(.get, "\(base)/{resourceName}", name: "managedClusters/get", handler: get),
            Route(.patch, "\(base)/{resourceName}", name: "managedClusters/patch", handler: patch),
            Route(.delete, "\(base)/{resourceName}", name: "managedClusters/delete", handler: delete),
            Route(.get, base, name: "managedClusters/listByResourceGroup", handler: listByResourceGroup),
            Route(.get, "subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/managedClusters", name: "managedClusters/list", handler: list),
            Route(.post, "\(base)/{resourceName}/stop", name: "managedClusters/stop", handler: stop),
            Route(.post, "\(base)/{resourceName}/start", name: "managedClusters/start", handler: start),
        ]
    }

    static func clusterID(_ call: APICall) throws(ServiceError) -> ClusterID {
        try call.requireSubscription(call.param("subscriptionId"))
        return ClusterID(subscription: call.param("subscriptionId"), resourceGroup: call.param("resourceGroupName"), name: call.param("resourceName"))
    }

    /// Loads a cluster visible to the caller, or the ARM 404.
    static func load(_ call: APICall, _ id: ClusterID) async throws -> ManagedClusterRecord {
        guard let cluster = try await call.env.store.cluster(id) else {
            throw ServiceError.notFound(kind: "managed cluster", name: "\(id.name)' under resource group '\(id.resourceGroup)")
        }
        return cluster
    }

    static func put(_ call: APICall) async throws -> Response {
        let id = try clusterID(call)
        let wire = try RequestDecoding.decode(ManagedClusterWire.self, from: call.body, schema: RequestSchemas.managedCluster)
        let request = try RequestDecoding.clusterRequest(wire)
        let accepted = try await call.env.operations.createOrUpdate(
            id, request, ifMatch: call.header("If-Match"), ifNoneMatch: call.header("If-None-Match") == "*")
        return try JSONResponse.make(
            accepted.created ? .created : .ok, ResponseMapping.cluster(accepted.cluster, pools: accepted.pools),
            headers: LROHeaders.make(call, accepted.operation))
    }

    static func get(_ call: APICall) async throws -> Response {
        let id = try clusterID(call)
        let cluster = try await load(call, id)
        let pools = try await call.env.store.agentPools(of: id)
        return try JSONResponse.make(.ok, ResponseMapping.cluster(cluster, pools: pools))
    }

    static func patch(_ call: APICall) async throws -> Response {
        let id = try clusterID(call)
        _ = try await load(call, id)
        let wire = try RequestDecoding.decode(ManagedClusterWire.self, from: call.body, schema: RequestSchemas.tagsPatch)
        let accepted = try await call.env.operations.updateTags(id, tags: wire.tags ?? [:])
        let pools = try await call.env.store.agentPools(of: id)
        return try JSONResponse.make(.ok, ResponseMapping.cluster(accepted.cluster, pools: pools), headers: LROHeaders.make(call, accepted.operation))
    }

    static func delete(_ call: APICall) async throws -> Response {
        let id = try clusterID(call)
        guard let accepted = try await call.env.operations.delete(id) else { return JSONResponse.empty(.noContent) }
        return JSONResponse.empty(.accepted, headers: LROHeaders.make(call, accepted.operation))
    }

    static func stop(_ call: APICall) async throws -> Response {
        let id = try clusterID(call)
        _ = try await load(call, id)
        let accepted = try await call.env.operations.stop(id)
        return JSONResponse.empty(.accepted, headers: LROHeaders.make(call, accepted.operation))
    }

    static func start(_ call: APICall) async throws -> Response {
        let id = try clusterID(call)
        _ = try await load(call, id)
        let accepted = try await call.env.operations.start(id)
        return JSONResponse.empty(.accepted, headers: LROHeaders.make(call, accepted.operation))
    }

    static func listByResourceGroup(_ call: APICall) async throws -> Response {
        try call.requireSubscription(call.param("subscriptionId"))
        return try await page(call, resourceGroup: call.param("resourceGroupName"))
    }

    static func list(_ call: APICall) async throws -> Response {
        try call.requireSubscription(call.param("subscriptionId"))
        return try await page(call, resourceGroup: nil)
    }

    /// Pages of `pageSize` with a `$skipToken` nextLink, as ARM lists do. The store returns one
    /// page (plus one row to know whether another follows) and the pools of its clusters in one query.
    static func page(_ call: APICall, resourceGroup: String?) async throws -> Response {
        let pageSize = 100
        let offset = max(0, Int(call.query("$skipToken") ?? "0") ?? 0)
        let store = call.env.store
        let rows = try await store.clusters(subscription: call.param("subscriptionId"), resourceGroup: resourceGroup, limit: pageSize + 1, offset: offset)
        let clusters = Array(rows.prefix(pageSize))
        let pools = try await store.agentPools(ofClusters: clusters.map(\.id))
        let items = clusters.map { ResponseMapping.cluster($0, pools: pools[$0.id.key] ?? []) }
        var nextLink: String?
        if rows.count > pageSize {
            nextLink = "\(call.baseURL)\(call.request.uri.path)?api-version=\(call.apiVersion)&$skipToken=\(offset + pageSize)"
        }
        return try JSONResponse.make(.ok, ListResultWire(value: items, nextLink: nextLink))
    }
}
