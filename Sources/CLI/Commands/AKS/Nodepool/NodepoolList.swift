import ArgumentParser

extension AKS.Nodepool {
    /// `hm aks nodepool list --cluster-name C -g RG`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the node pools of a managed cluster.")

        @Option(name: .customLong("cluster-name"), help: "Cluster name.")
        var clusterName: String

        @Option(name: [.customShort("g"), .customLong("resource-group")], help: "Resource group.")
        var resourceGroup: String

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let cluster = ResourcePath.Cluster(
                    subscription: session.subscription, resourceGroup: resourceGroup, name: clusterName)
                Printer.emit(try await session.client.agentPools(cluster), as: global.output(default: .table))
            }
        }
    }
}
