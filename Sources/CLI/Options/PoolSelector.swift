import ArgumentParser

/// `--cluster-name C -g RG -n POOL`: the agent pool a `nodepool` command acts on.
struct PoolSelector: ParsableArguments {
    @Option(name: .customLong("cluster-name"), help: "Cluster name.")
    var clusterName: String

    @Option(name: [.customShort("g"), .customLong("resource-group")], help: "Resource group.")
    var resourceGroup: String

    @Option(name: [.customShort("n"), .long], help: "Node pool name.")
    var name: String

    func path(subscription: String) -> ResourcePath.AgentPool {
        ResourcePath.Cluster(subscription: subscription, resourceGroup: resourceGroup, name: clusterName)
            .agentPool(name)
    }
}
