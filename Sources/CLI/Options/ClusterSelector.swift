import ArgumentParser

/// `-g RG -n NAME`: the managed cluster a command acts on.
struct ClusterSelector: ParsableArguments {
    @Option(name: [.customShort("g"), .customLong("resource-group")], help: "Resource group.")
    var resourceGroup: String

    @Option(name: [.customShort("n"), .long], help: "Cluster name.")
    var name: String
}
