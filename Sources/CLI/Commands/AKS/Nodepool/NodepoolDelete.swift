import ArgumentParser

extension AKS.Nodepool {
    /// `hm aks nodepool delete --cluster-name C -g RG -n POOL`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a node pool.")

        @OptionGroup var pool: PoolSelector
        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let path = session.pool(pool)
                let reply = try await session.client.deleteAgentPool(path)
                _ = try await session.finish(reply, verb: .DELETE, resource: path.path, wait)
            }
        }
    }
}
