import ArgumentParser

extension AKS {
    /// `hm aks update -g RG -n NAME --tags k=v ...`: PATCH the tags, wait, show the cluster.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Update a managed cluster's tags (the given set replaces the current one).")

        @OptionGroup var cluster: ClusterSelector

        @Option(parsing: .upToNextOption, help: "Tags as key=value pairs; `--tags` with none clears them.")
        var tags: [KeyValue] = []

        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let path = session.cluster(cluster)
                let reply = try await session.client.updateTags(path, KeyValue.dictionary(tags))
                guard try await session.finish(reply, verb: .PATCH, resource: path.path, wait) else { return }
                Printer.emit(try await session.client.cluster(path), as: global.output(default: .json))
            }
        }
    }
}
