import ArgumentParser

extension AKS.Nodepool {
    /// `hm aks nodepool scale --cluster-name C -g RG -n POOL --node-count N`.
    struct Scale: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Scale a node pool.")

        @OptionGroup var pool: PoolSelector

        @Option(name: [.customShort("c"), .customLong("node-count")], help: "The new number of nodes.")
        var nodeCount: Int

        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let path = session.pool(pool)
                let reply = try await PoolScaling.scale(path, to: nodeCount, client: session.client)
                guard try await session.finish(reply, verb: .PUT, resource: path.path, wait) else { return }
                Printer.emit(try await session.client.agentPool(path), as: global.output(default: .json))
            }
        }
    }
}
