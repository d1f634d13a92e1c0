import Foundation

/// Counts of what a host's agents wrote, for tests, metrics and the benchmark.
public struct NodeAgentCounters: Sendable, Equatable {
    public var registrations = 0
    public var leaseRenewals = 0
    public var statusPosts = 0
    public var podStatusWrites = 0
    public var podDeletes = 0
    public var errors = 0
    public var lastError: String?

    public init() {}
}

extension NodeAgentHost {
    // MARK: Fault injection

    /// Injects `fault` into `node`; it takes effect on the next tick (silent faults at once).
    public func inject(_ fault: NodeFault, node: String) {
        faultsByNode[node, default: []].insert(fault)
    }

    /// Clears `fault`; normal behaviour resumes on the next tick. A node coming back from a
    /// silent fault acts as a restarted kubelet: it posts status at once and resumes its pods.
    public func clear(_ fault: NodeFault, node: String) {
        let before = faultsByNode[node] ?? []
        var after = before
        after.remove(fault)
        faultsByNode[node] = after.isEmpty ? nil : after
        let wasSilent = before.contains { $0.effect.silent }
        let isSilent = after.contains { $0.effect.silent }
        if wasSilent, !isSilent { agents[node]?.restarted() }
        if fault.effect.silent || !fault.effect.startsContainers { nodesNeedingPodResync.insert(node) }
    }

    /// The faults injected into `node`.
    public func faults(node: String) -> Set<NodeFault> { faultsByNode[node] ?? [] }

    // MARK: What the host reports

    /// Names of the nodes with a running agent.
    public var nodeNames: [String] { agents.keys.sorted() }

    /// Agents that registered and last posted Ready=True and are not silenced by a fault.
    public var readyNodes: Int {
        agents.values.filter { agent in agent.isReady && !(faultsByNode[agent.spec.name] ?? []).contains { $0.effect.silent } }.count
    }

    /// Agents whose Node is registered.
    public var registeredNodes: Int { agents.values.filter(\.registered).count }

    /// Pods bound to nodes that the host's watch has indexed.
    public var indexedPods: Int { pods.count }

    /// What the agents have written so far.
    public var writeCounts: NodeAgentCounters { counters }

    func isSilent(_ node: String) -> Bool { (faultsByNode[node] ?? []).contains { $0.effect.silent } }

    func startsContainers(_ node: String) -> Bool { (faultsByNode[node] ?? []).allSatisfy { $0.effect.startsContainers } }
}
