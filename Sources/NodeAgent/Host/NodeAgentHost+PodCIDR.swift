import Foundation
import KubeAPI

extension NodeAgentHost {
    /// Reads the pod CIDRs of the Nodes already in the cluster once (after a service restart),
    /// so new nodes get a free `/24` and existing ones keep theirs.
    func learnPodCIDRs() async {
        let reader = clientFor(KubeClient.serviceUser("node-agents"))
        guard let nodes = try? await reader.list(.nodes) else { return }
        for node in nodes.items {
            guard let cidr = node[path: ["spec", "podCIDR"]]?.stringValue else { continue }
            podCIDRs[ObjectMeta.name(node)] = cidr
            usedPodCIDRs.insert(cidr)
        }
        nodesListed = true
    }

    /// The node's pod CIDR: the one it had, or the lowest free `/24` of the pod network.
    func podCIDR(for node: String) -> String {
        if let known = podCIDRs[node] { return known }
        let (first, second) = settings.podNetworkPrefix
        var index = 0
        while true {
            let cidr = "\(first).\(Int(second) + index / 256).\(index % 256).0/24"
            if !usedPodCIDRs.contains(cidr) {
                usedPodCIDRs.insert(cidr)
                podCIDRs[node] = cidr
                return cidr
            }
            index += 1
        }
    }
}
