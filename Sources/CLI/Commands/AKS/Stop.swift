import ArgumentParser

extension AKS {
    /// `hm aks stop -g RG -n NAME`: POST `stop`, wait, then show the cluster (see `changePower`).
    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop a running managed cluster (its nodes are deallocated).")

        @OptionGroup var cluster: ClusterSelector
        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await AKS.changePower(.stop, cluster: cluster, wait: wait, global: global)
        }
    }
}
