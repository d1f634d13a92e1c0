import Core
import Foundation
import Hummingbird
import NodeAgent
import Wire

/// The provider's fault injection into a cluster's simulated nodes (issue 5): a kubelet
/// stopped, containerd down, the konnectivity tunnel down, a node NotReady, a VM powered off.
/// Faults act on the node agent only; the cluster then shows what a real failure would
/// (a stale Lease, Ready=Unknown or False, pods stuck), and clearing the fault heals it.
enum NodeFaultHandlers {
    static let base = "admin/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/managedClusters/{resourceName}/nodes/{node}/faults"

    static var routes: [Route] {
        [
            Route(.get, base, name: "admin/nodeFaults/list", access: .admin, versioned: false, handler: list),
            Route(.post, base, name: "admin/nodeFaults/inject", access: .admin, versioned: false, handler: inject),
            Route(.delete, "\(base)/{fault}", name: "admin/nodeFaults/clear", access: .admin, versioned: false, handler: clear),
        ]
    }

    static func host(_ call: APICall) async throws -> NodeAgentHost {
        let cluster = try await SupportAccessHandlers.cluster(call)
        guard let nodes = call.env.nodes, let host = await nodes.agents(clusterUID: cluster.status.resourceUID) else {
            throw ServiceError.conflict(message: "The cluster's nodes are not running here; start the cluster first.")
        }
        return host
    }

    static func fault(_ text: String, target: String) throws(ServiceError) -> NodeFault {
        guard let fault = NodeFault(rawValue: text) else {
            throw .invalidParameter(
                target: target, message: "Unknown fault '\(text)'. Allowed values: \(NodeFault.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return fault
    }

    static func list(_ call: APICall) async throws -> Response {
        let node = call.param("node")
        return try JSONResponse.make(.ok, NodeFaultsWire(node: node, faults: await host(call).faults(node: node).map(\.rawValue).sorted()))
    }

    static func inject(_ call: APICall) async throws -> Response {
        let request = try RequestDecoding.decode(NodeFaultRequestWire.self, from: call.body, schema: .object(["fault": .scalar]))
        let fault = try fault(request.fault, target: "fault")
        let host = try await host(call)
        let node = call.param("node")
        guard await host.nodeNames.contains(node) else { throw ServiceError.notFound(kind: "node", name: node) }
        await host.inject(fault, node: node)
        return try JSONResponse.make(.ok, NodeFaultsWire(node: node, faults: await host.faults(node: node).map(\.rawValue).sorted()))
    }

    static func clear(_ call: APICall) async throws -> Response {
        let fault = try fault(call.param("fault"), target: "fault")
        let host = try await host(call)
        let node = call.param("node")
        await host.clear(fault, node: node)
        return try JSONResponse.make(.ok, NodeFaultsWire(node: node, faults: await host.faults(node: node).map(\.rawValue).sorted()))
    }
}
