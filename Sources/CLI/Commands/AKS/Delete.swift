import ArgumentParser

extension AKS {
    /// `hm aks delete -g RG -n NAME [--yes]`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a managed cluster.")

        @OptionGroup var cluster: ClusterSelector

        @Flag(name: [.customShort("y"), .long], help: "Do not prompt for confirmation.")
        var yes = false

        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                try Confirmation.require(yes, "Are you sure you want to perform this operation? (y/n): ")
                let path = session.cluster(cluster)
                let reply = try await session.client.deleteCluster(path)
                _ = try await session.finish(reply, verb: .DELETE, resource: path.path, wait)
            }
        }
    }
}
