import Foundation
import KubeAPI

/// What the service does to nodes through the hosted API before it removes their VMs, and how
/// it decides a pool's nodes are up: as `kubectl cordon`, `kubectl drain` and `kubectl get nodes`.
enum NodeDrain {
    static func client(_ plane: HostedControlPlane) -> KubeClient {
        KubeClient(plane: plane, user: KubeClient.serviceUser("node-drainer"))
    }

    /// Cordons each node and evicts its pods, as `kubectl drain --ignore-daemonsets
    /// --delete-emptydir-data --force` does: DaemonSet pods stay (they die with the node);
    /// evicted pods of controllers are recreated and scheduled on the remaining nodes.
    static func drain(_ plane: HostedControlPlane, nodes: [String]) async throws {
        let client = client(plane)
        for node in nodes {
            guard try await client.find(.nodes, node) != nil else { continue }
            try await ignoringNotFound { _ = try await client.patch(.nodes, node, ["spec": ["unschedulable": true]]) }
            let pods = try await client.list(.pods, fieldSelector: "spec.nodeName=\(node)").items
            for pod in pods where !isDaemonSetPod(pod) {
                guard let name = pod[path: ["metadata", "name"]]?.stringValue, let namespace = pod[path: ["metadata", "namespace"]]?.stringValue else { continue }
                try await NodeDrain.ignoringNotFound { try await client.evict(namespace: namespace, pod: name) }
            }
        }
    }

    /// Deletes Node objects (the VMs are gone), ignoring ones already deleted.
    static func deleteNodes(_ plane: HostedControlPlane, _ nodes: [String]) async throws {
        let client = client(plane)
        for node in nodes {
            try await NodeDrain.ignoringNotFound { try await client.delete(.nodes, node) }
        }
    }

    /// How many of `names` are registered and Ready.
    static func readyCount(_ plane: HostedControlPlane, of names: Set<String>) async throws -> Int {
        guard !names.isEmpty else { return 0 }
        return try await client(plane).list(.nodes).items.filter { node in
            guard let name = node[path: ["metadata", "name"]]?.stringValue, names.contains(name) else { return false }
            return (node[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
                $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
            }
        }.count
    }

    /// Runs `body`; a 404 (already gone) is success.
    static func ignoringNotFound(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as KubeError where error.code == 404 {
            return
        }
    }

    static func isDaemonSetPod(_ pod: JSON) -> Bool {
        (pod[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).contains { $0["kind"]?.stringValue == "DaemonSet" }
    }
}
