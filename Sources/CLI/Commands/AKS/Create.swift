import ArgumentParser
import Wire

extension AKS {
    /// `hm aks create -g RG -n NAME ...`: PUT a cluster with one System pool and wait for it.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a managed cluster.")

        @OptionGroup var cluster: ClusterSelector

        @Option(name: [.customShort("l"), .long], help: "Location.")
        var location = "eastus"

        @Option(name: .customLong("node-count"), help: "Nodes in the first (System) node pool.")
        var nodeCount = 3

        @Option(name: .customLong("node-vm-size"), help: "VM size of the nodes (server default if omitted).")
        var nodeVMSize: String?

        @Option(name: [.customShort("k"), .customLong("kubernetes-version")], help: "Kubernetes version.")
        var kubernetesVersion: String?

        @Option(name: [.customShort("p"), .customLong("dns-name-prefix")], help: "DNS name prefix.")
        var dnsNamePrefix: String?

        @Option(name: .customLong("nodepool-name"), help: "Name of the first node pool.")
        var nodepoolName = "nodepool1"

        @Option(parsing: .upToNextOption, help: "Tags as key=value pairs.")
        var tags: [KeyValue] = []

        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let path = session.cluster(cluster)
                let reply = try await session.client.putCluster(path, body(subscription: session.subscription))
                guard try await session.finish(reply, verb: .PUT, resource: path.path, wait) else { return }
                Printer.emit(try await session.client.cluster(path), as: global.output(default: .json))
            }
        }

        /// The request body `az aks create` would send for these flags; omitted fields take server defaults.
        func body(subscription: String) -> ManagedClusterWire {
            let pool = AgentPoolProfileWire(
                name: nodepoolName, count: nodeCount, vmSize: nodeVMSize, osType: "Linux",
                type: "VirtualMachineScaleSets", mode: "System", orchestratorVersion: kubernetesVersion)
            return ManagedClusterWire(
                location: location, tags: tags.isEmpty ? nil : KeyValue.dictionary(tags),
                sku: ManagedClusterSKUWire(name: "Base", tier: "Free"),
                identity: ManagedClusterIdentityWire(type: "SystemAssigned"),
                properties: ManagedClusterPropertiesWire(
                    kubernetesVersion: kubernetesVersion,
                    dnsPrefix: dnsNamePrefix
                        ?? DNSPrefix.default(
                            cluster: cluster.name, resourceGroup: cluster.resourceGroup, subscription: subscription),
                    agentPoolProfiles: [pool], enableRBAC: true))
        }
    }
}
