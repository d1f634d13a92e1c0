import ArgumentParser

extension AKS {
    /// `hm aks start -g RG -n NAME`: POST `start`, wait, then show the cluster.
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a stopped managed cluster.")

        @OptionGroup var cluster: ClusterSelector
        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let path = session.cluster(cluster)
                let reply = try await session.client.powerAction(path, .start)
                guard try await session.finish(reply, verb: .POST, resource: path.path, wait) else { return }
                Printer.emit(try await session.client.cluster(path), as: global.output(default: .json))
            }
        }
    }
}
