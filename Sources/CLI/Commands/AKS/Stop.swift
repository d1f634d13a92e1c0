import ArgumentParser

extension AKS {
    /// `hm aks stop -g RG -n NAME`: POST `stop`, wait, then show the cluster.
    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a running managed cluster (its nodes are deallocated).")

        @OptionGroup var cluster: ClusterSelector
        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let path = session.cluster(cluster)
                let reply = try await session.client.powerAction(path, .stop)
                guard try await session.finish(reply, verb: .POST, resource: path.path, wait) else { return }
                Printer.emit(try await session.client.cluster(path), as: global.output(default: .json))
            }
        }
    }
}
