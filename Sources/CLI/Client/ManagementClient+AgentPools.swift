import Wire

/// Agent pool calls (`managedClusters/{name}/agentPools`).
extension ManagementClient {
    func agentPool(_ pool: ResourcePath.AgentPool) async throws -> AgentPoolWire {
        try await fetch(AgentPoolWire.self, .GET, pool.path)
    }

    func agentPools(_ cluster: ResourcePath.Cluster) async throws -> [AgentPoolWire] {
        try await list(AgentPoolWire.self, cluster.agentPools)
    }

    /// PUT the pool; the reply starts a long-running operation.
    func putAgentPool(_ pool: ResourcePath.AgentPool, _ properties: AgentPoolProfileWire) async throws -> HTTPReply {
        try await send(.PUT, pool.path, body: AgentPoolWire(properties: properties))
    }

    func deleteAgentPool(_ pool: ResourcePath.AgentPool) async throws -> HTTPReply {
        try await send(.DELETE, pool.path)
    }
}
