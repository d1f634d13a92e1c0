import ArgumentParser

extension AKS.Nodepool {
    /// `hm aks nodepool show --cluster-name C -g RG -n POOL`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the details of a node pool.")

        @OptionGroup var pool: PoolSelector
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                Printer.emit(try await session.client.agentPool(session.pool(pool)), as: global.output(default: .json))
            }
        }
    }
}
