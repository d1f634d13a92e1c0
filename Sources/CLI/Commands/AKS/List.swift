import ArgumentParser

extension AKS {
    /// `hm aks list [-g RG]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List managed clusters in the subscription or in one resource group.")

        @Option(name: [.customShort("g"), .customLong("resource-group")], help: "Only this resource group.")
        var resourceGroup: String?

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let clusters = try await session.client.clusters(
                    subscription: session.subscription, resourceGroup: resourceGroup)
                Printer.emit(clusters, as: global.output(default: .table))
            }
        }
    }
}
