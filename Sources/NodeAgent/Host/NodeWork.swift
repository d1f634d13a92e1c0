import Foundation
import KubeAPI

/// The writes one node's kubelet makes on a tick or sync, prepared by the host and run
/// outside it (many nodes at once), then applied back as a `NodeWorkResult`.
struct NodeWork: Sendable {
    let spec: NodeAgentSpec
    let client: KubeClient
    /// Register (create, or update an existing Node) with this pod CIDR for a new Node.
    let register: Bool
    let podCIDR: String
    let nodeUID: String
    /// Renew the Lease with this renewTime.
    let renewAt: Date?
    let leaseDurationSeconds: Int
    /// Post this status (also the status a new Node is created with).
    let status: JSON?
    let conditions: [String: NodeConditionState]
    let now: Date
}

/// What happened: what was written and what the API now holds.
struct NodeWorkResult: Sendable {
    let name: String
    var registered = false
    var nodeUID = ""
    var podCIDR = ""
    var leaseRenewed = false
    var statusPosted = false
    var conditions: [String: NodeConditionState] = [:]
    var now: Date
    /// The Node is gone (deleted by someone): register again.
    var nodeMissing = false
    var error: KubeError?
}

extension NodeWork {
    func perform() async -> NodeWorkResult {
        var result = NodeWorkResult(name: spec.name, conditions: conditions, now: now)
        var uid = nodeUID
        do {
            if register, let status {
                let node = try await registerNode(status: status)
                uid = node[path: ["metadata", "uid"]]?.stringValue ?? ""
                result.registered = true
                result.nodeUID = uid
                result.podCIDR = node[path: ["spec", "podCIDR"]]?.stringValue ?? podCIDR
                result.statusPosted = true
            }
            if let renewAt {
                let lease = NodeLease.make(node: spec.name, nodeUID: uid, durationSeconds: leaseDurationSeconds, renewTime: renewAt)
                try await write(lease: lease, expectExisting: !register)
                result.leaseRenewed = true
            }
            if !register, let status {
                let body: JSON = ["metadata": ["name": .string(spec.name)], "status": status]
                do {
                    _ = try await client.updateStatus(.nodes, body)
                    result.statusPosted = true
                } catch where error.code == 404 {
                    result.nodeMissing = true
                }
            }
        } catch {
            result.error = error
        }
        return result
    }

    /// Renewals update the Lease (creating it if someone deleted it); registrations create it
    /// (updating the one a previous boot left behind).
    private func write(lease: JSON, expectExisting: Bool) async throws(KubeError) {
        if expectExisting {
            do { _ = try await client.update(.leases, namespace: NodeLease.namespace, lease) } catch where error.code == 404 {
                _ = try await client.create(.leases, namespace: NodeLease.namespace, lease)
            }
        } else {
            do { _ = try await client.create(.leases, namespace: NodeLease.namespace, lease) } catch where error.code == 409 {
                _ = try await client.update(.leases, namespace: NodeLease.namespace, lease)
            }
        }
    }

    /// Creates the Node, or, when it exists (a VM started again, a reimage), updates its
    /// labels and spec and posts status: the object is reused, never duplicated.
    private func registerNode(status: JSON) async throws(KubeError) -> JSON {
        do {
            return try await client.create(.nodes, NodeObject.make(spec, podCIDR: podCIDR, status: status))
        } catch where error.code == 409 {
            for attempt in 0..<3 {
                let existing = try await client.get(.nodes, spec.name)
                do {
                    _ = try await client.update(.nodes, NodeObject.reregistered(existing, spec))
                    return try await client.updateStatus(.nodes, ["metadata": ["name": .string(spec.name)], "status": status])
                } catch where error.code == 409 && attempt < 2 {
                    continue  // the Node changed under us (a controller's taint): read it again
                }
            }
            throw KubeError.conflict(ResourceCatalog.type(group: "", version: "v1", resource: "nodes")!, spec.name)
        }
    }
}
