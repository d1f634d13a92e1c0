import ArgumentParser

extension AKS {
    /// `hm aks show -g RG -n NAME`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the details of a managed cluster.")

        @OptionGroup var cluster: ClusterSelector
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let found = try await session.client.cluster(session.cluster(cluster))
                Printer.emit(found, as: global.output(default: .json))
            }
        }
    }
}
