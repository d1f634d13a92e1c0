import Core
import Foundation
import Infrastructure
import KubeAPI
import ManagementStore
import NodeAgent

/// How the IaaS layer's VMs become node agents, and what the cloud provider does when a VM
/// goes away (upstream's cloud node lifecycle controller: its Node object is deleted).
enum NodeSpecs {
    /// The agent of one running VM instance of a pool's scale set.
    static func spec(_ instance: VMInstance, of scaleSet: ScaleSet, pool: AgentPoolRecord?, group: NodeResourceGroup, sizes: VMSizeCatalog) -> NodeAgentSpec {
        let size = sizes.sizes.first { $0.name.lowercased() == instance.vmSize.lowercased() }
        let taints = (pool?.spec.nodeTaints ?? []).compactMap { NodeAgent.NodeTaint(parsing: $0) }
        return NodeAgentSpec(
            name: instance.computerName, pool: scaleSet.poolName, mode: scaleSet.mode.lowercased() == "system" ? .system : .user,
            vmSize: instance.vmSize, cores: size?.cores ?? 2, memoryGiB: size?.memoryGiB ?? 8, maxPods: pool?.spec.maxPods ?? size?.maxPods ?? 110,
            osType: scaleSet.osType, osSKU: scaleSet.osSKU, nodeImageVersion: instance.nodeImageVersion,
            kubernetesVersion: scaleSet.orchestratorVersion, region: group.location.lowercased(), zone: instance.zone,
            internalIP: instance.privateIPAddress, providerID: providerID(scaleSet.instanceResourceID(instance)),
            nodeResourceGroup: group.name, clusterName: group.clusterName, labels: pool?.spec.nodeLabels ?? [:], taints: taints)
    }

    /// `azure:///subscriptions/.../virtualMachineScaleSets/{name}/virtualMachines/{id}`, as the
    /// Azure cloud provider spells it (resource group lower-cased).
    static func providerID(_ instanceResourceID: String) -> String {
        var parts = instanceResourceID.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 4 { parts[4] = parts[4].lowercased() }
        return "azure://" + parts.joined(separator: "/")
    }

    /// Deletes the Node objects of this node resource group whose VM no longer exists (scaled
    /// in, deleted through IaaS, pool deleted). Nodes the customer registered some other way
    /// (no Azure providerID in this group) are left alone.
    static func deleteNodesWithoutVM(_ plane: HostedControlPlane, group: NodeResourceGroup, existing: Set<String>) async throws {
        let client = KubeClient(plane: plane, user: KubeClient.serviceUser("cloud-node-manager"))
        let prefix = providerID(ARMResource.id(group.subscription, group.name, ARMResource.scaleSets, "")).lowercased()
        for node in try await client.list(.nodes).items {
            guard let name = node[path: ["metadata", "name"]]?.stringValue, !existing.contains(name),
                let provider = node[path: ["spec", "providerID"]]?.stringValue, provider.lowercased().hasPrefix(prefix)
            else { continue }
            try await NodeDrain.ignoringNotFound { try await client.delete(.nodes, name) }
        }
    }
}
