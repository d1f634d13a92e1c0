import ArgumentParser

extension AKS {
    /// `hm aks update -g RG -n NAME --tags k=v ...`: PATCH the tags, wait, show the cluster.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Update a managed cluster's tags (the given set replaces the current one).")

        @OptionGroup var cluster: ClusterSelector

        @Option(
            parsing: .upToNextOption,
            help: "Tags as key=value pairs; they replace the current set. `--tags \"\"` removes all tags.")
        var tags: [String] = []

        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        /// The new tag set; an update without `--tags` is refused rather than taken as "remove all".
        func validate() throws {
            guard !tags.isEmpty else {
                throw ValidationError("Pass --tags k=v ... (or --tags \"\" to remove all tags).")
            }
            for tag in tags where !tag.isEmpty && KeyValue(argument: tag) == nil {
                throw ValidationError("The value '\(tag)' of --tags is not key=value.")
            }
        }

        var newTags: [String: String] {
            KeyValue.dictionary(tags.compactMap(KeyValue.init(argument:)))
        }

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let path = session.cluster(cluster)
                let reply = try await session.client.updateTags(path, newTags)
                guard try await session.finish(reply, verb: .PATCH, resource: path.path, wait) else { return }
                Printer.emit(try await session.client.cluster(path), as: global.output(default: .json))
            }
        }
    }
}
