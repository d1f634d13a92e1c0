import ArgumentParser

extension AKS {
    /// `hm aks nodepool`: manage the agent pools of a cluster.
    struct Nodepool: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "nodepool", abstract: "Manage node pools of a managed cluster.",
            subcommands: [Add.self, Show.self, List.self, Scale.self, Delete.self])
    }
}
