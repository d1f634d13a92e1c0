import Foundation
import KubeAPI

/// The node's heartbeat: a Lease named after the node in `kube-node-lease`, owned by the Node.
enum NodeLease {
    static let namespace = "kube-node-lease"

    static func make(node: String, nodeUID: String, durationSeconds: Int, renewTime: Date) -> JSON {
        var lease: JSON = [
            "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
            "metadata": ["name": .string(node), "namespace": .string(namespace)],
            "spec": [
                "holderIdentity": .string(node), "leaseDurationSeconds": .int(Int64(durationSeconds)),
                "renewTime": .string(microTime(renewTime)),
            ],
        ]
        if !nodeUID.isEmpty {
            lease[path: ["metadata", "ownerReferences"]] = [
                ["apiVersion": "v1", "kind": "Node", "name": .string(node), "uid": .string(nodeUID)]
            ]
        }
        return lease
    }

    /// `metav1.MicroTime` as the kubelet writes it: `2024-05-01T10:00:00.123456Z`.
    static func microTime(_ date: Date) -> String {
        let whole = ObjectMeta.timestamp(date)
        let seconds = date.timeIntervalSince1970
        let micros = Int64(((seconds - seconds.rounded(.down)) * 1_000_000).rounded(.down))
        let digits = String(micros)
        return whole.dropLast() + "." + String(repeating: "0", count: 6 - digits.count) + digits + "Z"
    }
}
