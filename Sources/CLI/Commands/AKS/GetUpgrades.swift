import ArgumentParser

extension AKS {
    /// `hm aks get-upgrades -g RG -n NAME`.
    struct GetUpgrades: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get-upgrades", abstract: "List the versions a managed cluster can upgrade to.")

        @OptionGroup var cluster: ClusterSelector
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let profile = try await session.client.upgradeProfile(session.cluster(cluster))
                Printer.emit(profile, as: global.output(default: .json))
            }
        }
    }
}
