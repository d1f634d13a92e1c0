import ArgumentParser

/// `hm aks`: manage Kubernetes clusters with the verbs and flags of `az aks`.
struct AKS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aks",
        abstract: "Manage managed Kubernetes clusters (the verbs and flags of `az aks`).",
        subcommands: [
            Create.self, Show.self, List.self, Update.self, Scale.self, Delete.self, Stop.self, Start.self,
            GetCredentials.self, GetVersions.self, GetUpgrades.self, Nodepool.self,
        ]
    )
}
