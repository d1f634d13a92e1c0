import ArgumentParser

extension AKS {
    /// `hm aks start -g RG -n NAME`: POST `start`, wait, then show the cluster (see `changePower`).
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a stopped managed cluster.")

        @OptionGroup var cluster: ClusterSelector
        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await AKS.changePower(.start, cluster: cluster, wait: wait, global: global)
        }
    }
}
