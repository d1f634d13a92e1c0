import ArgumentParser

extension AKS {
    /// `hm aks get-versions -l LOCATION`.
    struct GetVersions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get-versions", abstract: "List the Kubernetes versions available in a location.")

        @Option(name: [.customShort("l"), .long], help: "Location.")
        var location: String

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let versions = try await session.client.kubernetesVersions(
                    subscription: session.subscription, location: location)
                Console.out(
                    Printer.render(
                        json: versions, columns: type(of: versions).columns, rows: versions.rows,
                        as: global.output(default: .json)))
            }
        }
    }
}
