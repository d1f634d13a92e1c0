import ArgumentParser
import Wire

extension AKS {
    /// `hm aks scale -g RG -n NAME --node-count N [--nodepool-name P]`: PUT the pool with the new
    /// count through the agentPools API, wait, show the cluster.
    struct Scale: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Scale a node pool of a managed cluster.")

        @OptionGroup var cluster: ClusterSelector

        @Option(name: [.customShort("c"), .customLong("node-count")], help: "The new number of nodes.")
        var nodeCount: Int

        @Option(name: .customLong("nodepool-name"), help: "The pool to scale; may be omitted when there is one.")
        var nodepoolName: String?

        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let path = session.cluster(cluster)
                let pool = path.agentPool(try await poolName(session.client, path))
                let reply = try await PoolScaling.scale(pool, to: nodeCount, client: session.client)
                guard try await session.finish(reply, verb: .PUT, resource: pool.path, wait) else { return }
                Printer.emit(try await session.client.cluster(path), as: global.output(default: .json))
            }
        }

        /// `--nodepool-name`, or the cluster's only pool (as `az aks scale` decides).
        private func poolName(_ client: ManagementClient, _ path: ResourcePath.Cluster) async throws -> String {
            if let nodepoolName { return nodepoolName }
            let pools = try await client.cluster(path).properties?.agentPoolProfiles ?? []
            guard pools.count == 1, let only = pools[0].name else {
                throw CLIError.usage("the cluster has \(pools.count) node pools: pass --nodepool-name")
            }
            return only
        }
    }
}

/// Changing a pool's node count: GET the pool, PUT it back with the new count.
enum PoolScaling {
    static func scale(_ pool: ResourcePath.AgentPool, to count: Int, client: ManagementClient) async throws
        -> HTTPReply
    {
        guard count >= 0 else { throw CLIError.usage("--node-count must be 0 or more, not \(count)") }
        var properties = (try await client.agentPool(pool).properties ?? AgentPoolProfileWire()).writable
        properties.count = count
        return try await client.putAgentPool(pool, properties)
    }
}
