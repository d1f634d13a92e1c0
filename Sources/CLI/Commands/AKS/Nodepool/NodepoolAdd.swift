import ArgumentParser
import Wire

extension AKS.Nodepool {
    /// `hm aks nodepool add --cluster-name C -g RG -n POOL ...`: PUT a new pool, wait, show it.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a node pool to a managed cluster.")

        @OptionGroup var pool: PoolSelector

        @Option(name: [.customShort("c"), .customLong("node-count")], help: "Number of nodes.")
        var nodeCount = 3

        @Option(name: .customLong("node-vm-size"), help: "VM size of the nodes (server default if omitted).")
        var nodeVMSize: String?

        @Option(help: "System or User.")
        var mode = "User"

        @Option(name: [.customShort("k"), .customLong("kubernetes-version")], help: "Kubernetes version of the pool.")
        var kubernetesVersion: String?

        @Option(parsing: .upToNextOption, help: "Node labels as key=value pairs.")
        var labels: [KeyValue] = []

        @OptionGroup var wait: WaitOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let path = session.pool(pool)
                let reply = try await session.client.putAgentPool(path, properties)
                guard try await session.finish(reply, verb: .PUT, resource: path.path, wait) else { return }
                Printer.emit(try await session.client.agentPool(path), as: global.output(default: .json))
            }
        }

        /// The pool `az aks nodepool add` would request for these flags.
        var properties: AgentPoolProfileWire {
            AgentPoolProfileWire(
                count: nodeCount, vmSize: nodeVMSize, osType: "Linux", type: "VirtualMachineScaleSets", mode: mode,
                orchestratorVersion: kubernetesVersion, nodeLabels: labels.isEmpty ? nil : KeyValue.dictionary(labels))
        }
    }
}
