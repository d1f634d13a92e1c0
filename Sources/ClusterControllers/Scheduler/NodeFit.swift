import KubeAPI

/// Whether a pod fits a node, as upstream's filter plugins decide it, in their order:
/// NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit. A node that fails
/// gives the reasons upstream prints in "0/3 nodes are available: ...".
enum NodeFit {
    /// The reasons the pod cannot go to the node; empty when it fits.
    static func reasons(tolerations: [Toleration], requests: ResourceAmounts, placement: NodePlacement, node: SchedulableNode, used: NodeUsage) -> [String] {
        if node.isUnschedulable && !tolerations.tolerate(Taint(key: Taint.unschedulable, effect: "NoSchedule")) {
            return ["node(s) were unschedulable"]
        }
        if let taint = tolerations.firstUntolerated(in: node.taints) {
            return ["node(s) had untolerated taint \(taint.schedulerDescription)"]
        }
        if !placement.matches(name: node.name, labels: node.labels) {
            return ["node(s) didn't match Pod's node affinity/selector"]
        }
        return insufficientResources(requests, node.allocatable, used.requested)
    }

    /// Upstream `fitsRequest`: pod count, then each requested resource against what is left.
    /// A node that declares no pod capacity is not limited by count.
    static func insufficientResources(_ request: ResourceAmounts, _ allocatable: ResourceAmounts, _ requested: ResourceAmounts) -> [String] {
        var reasons: [String] = []
        if allocatable.pods > 0 && requested.pods + 1 > allocatable.pods { reasons.append("Too many pods") }
        if request.milliCPU > 0 && request.milliCPU > allocatable.milliCPU - requested.milliCPU { reasons.append("Insufficient cpu") }
        if request.memory > 0 && request.memory > allocatable.memory - requested.memory { reasons.append("Insufficient memory") }
        return reasons
    }

    /// Upstream's `LeastAllocated` score (0...100): the share of cpu and memory left after
    /// placing the pod, averaged; requests count with the scoring defaults.
    static func score(_ request: ResourceAmounts, node: SchedulableNode, used: NodeUsage) -> Int64 {
        let allocatable = node.allocatable
        func free(_ capacity: Int64, _ requested: Int64) -> Int64 {
            guard capacity > 0, requested <= capacity else { return 0 }
            return (capacity - requested) * 100 / capacity
        }
        let scoring = request.forScoring
        return (free(allocatable.milliCPU, used.scoring.milliCPU + scoring.milliCPU) + free(allocatable.memory, used.scoring.memory + scoring.memory)) / 2
    }

    /// `0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.` (upstream
    /// `FitError`: each reason with its node count, sorted as strings).
    static func message(nodeCount: Int, reasons: [String: Int]) -> String {
        if nodeCount == 0 { return "no nodes available to schedule pods" }
        let parts = reasons.map { "\($0.value) \($0.key)" }.sorted()
        return "0/\(nodeCount) nodes are available: \(parts.joined(separator: ", "))."
    }
}

/// What the pods bound to a node request: exact (for fit) and with scoring defaults.
struct NodeUsage: Sendable {
    var requested = ResourceAmounts()
    var scoring = ResourceAmounts()
    /// Pods on the node by the uid of their controller (for spreading a workload).
    var podsByOwner: [String: Int] = [:]

    mutating func add(_ request: ResourceAmounts, owner: String?) {
        requested = requested + request
        scoring = scoring + request.forScoring
        if let owner { podsByOwner[owner, default: 0] += 1 }
    }
}

/// A node's scheduling facts, read from its object once per pass.
struct SchedulableNode: Sendable {
    let name: String
    let labels: [String: String]
    let isUnschedulable: Bool
    /// The node's taints, plus the not-ready taint a node that is not Ready will get from the
    /// node lifecycle controller (so a pod never lands on it in the moment before).
    let taints: [Taint]
    let allocatable: ResourceAmounts

    init(_ node: Node) {
        name = node.name
        labels = node.labels
        isUnschedulable = node.isUnschedulable
        allocatable = node.allocatable
        let taints = node.taints
        if node.isReady || taints.contains(where: { $0.key == Taint.notReady || $0.key == Taint.unreachable }) {
            self.taints = taints
        } else {
            self.taints = taints + [Taint(key: Taint.notReady, effect: "NoSchedule")]
        }
    }
}
