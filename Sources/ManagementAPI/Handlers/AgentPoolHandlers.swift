import Core
import Hummingbird
import ManagementStore
import Wire

/// `managedClusters/{name}/agentPools`: PUT, GET, DELETE, list.
enum AgentPoolHandlers {
    static let base = "\(ManagedClusterHandlers.base)/{resourceName}/agentPools"

    static var routes: [Route] {
        [
            Route(.put, "\(base)/{agentPoolName}", name: "agentPools/put", handler: put),
            Route(.get, "\(base)/{agentPoolName}", name: "agentPools/get", handler: get),
            Route(.delete, "\(base)/{agentPoolName}", name: "agentPools/delete", handler: delete),
            Route(.get, base, name: "agentPools/list", handler: list),
        ]
    }

    static func poolID(_ call: APICall) async throws -> AgentPoolID {
        let cluster = try ManagedClusterHandlers.clusterID(call)
        _ = try await ManagedClusterHandlers.load(call, cluster)
        return AgentPoolID(cluster: cluster, name: call.param("agentPoolName"))
    }

    static func put(_ call: APICall) async throws -> Response {
        let id = try await poolID(call)
        let wire = try RequestDecoding.decode(AgentPoolWire.self, from: call.body, schema: RequestSchemas.agentPool)
        let request = RequestDecoding.poolRequest(wire.properties ?? AgentPoolProfileWire(), name: id.name, target: "properties")
        let accepted = try await call.env.operations.createOrUpdatePool(id, request)
        guard let pool = accepted.pools.first else { throw ServiceError.internalFailure(message: "The pool was not recorded.") }
        return try JSONResponse.make(accepted.created ? .created : .ok, ResponseMapping.pool(pool), headers: LROHeaders.make(call, accepted.operation))
    }

    static func get(_ call: APICall) async throws -> Response {
        let id = try await poolID(call)
        guard let pool = try await call.env.store.agentPool(id) else {
            throw ServiceError.notFound(kind: "agent pool", name: id.name)
        }
        return try JSONResponse.make(.ok, ResponseMapping.pool(pool))
    }

    static func delete(_ call: APICall) async throws -> Response {
        let id = try await poolID(call)
        guard let accepted = try await call.env.operations.deletePool(id) else { return JSONResponse.empty(.noContent) }
        return JSONResponse.empty(.accepted, headers: LROHeaders.make(call, accepted.operation))
    }

    static func list(_ call: APICall) async throws -> Response {
        let cluster = try ManagedClusterHandlers.clusterID(call)
        _ = try await ManagedClusterHandlers.load(call, cluster)
        let pools = try await call.env.store.agentPools(of: cluster)
        return try JSONResponse.make(.ok, ListResultWire(value: pools.map(ResponseMapping.pool)))
    }
}
