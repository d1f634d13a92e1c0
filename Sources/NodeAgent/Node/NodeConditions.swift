import Foundation
import KubeAPI

/// The conditions a node reports: the kubelet's five, plus the problem conditions AKS's
/// node-problem-detector adds, as a table of healthy states that faults override.
public enum NodeConditions {
    /// The condition the `networkTunnelDown` fault sets (True while logs/exec to the node fail).
    public static let tunnelCondition = "NetworkTunnelUnavailable"

    /// Condition types in the order the kubelet writes them, with their healthy state.
    public static let healthy: [(type: String, state: NodeConditionState)] = [
        ("MemoryPressure", NodeConditionState(status: "False", reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available")),
        ("DiskPressure", NodeConditionState(status: "False", reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure")),
        ("PIDPressure", NodeConditionState(status: "False", reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available")),
        ("Ready", NodeConditionState(status: "True", reason: "KubeletReady", message: "kubelet is posting ready status")),
        ("NetworkUnavailable", NodeConditionState(status: "False", reason: "RouteCreated", message: "RouteController created a route")),
        ("ContainerRuntimeProblem", NodeConditionState(status: "False", reason: "ContainerRuntimeIsUp", message: "container runtime service is up")),
        ("KubeletProblem", NodeConditionState(status: "False", reason: "KubeletIsUp", message: "kubelet service is up")),
        (tunnelCondition, NodeConditionState(status: "False", reason: "KonnectivityAgentConnected", message: "the konnectivity tunnel to the control plane is up")),
    ]

    /// What the kubelet reports under `faults`: the healthy table with each fault's overrides.
    public static func reported(under faults: Set<NodeFault>) -> [String: NodeConditionState] {
        var states = Dictionary(uniqueKeysWithValues: healthy.map { ($0.type, $0.state) })
        for fault in faults.sorted(by: { $0.rawValue < $1.rawValue }) {
            for (type, state) in fault.effect.conditions { states[type] = state }
        }
        return states
    }

    /// The `status.conditions` array: heartbeat `now`, transition times from `since`.
    static func json(_ states: [String: NodeConditionState], since: [String: Date], now: Date) -> JSON {
        .array(
            healthy.compactMap { entry in
                guard let state = states[entry.type] else { return nil }
                return [
                    "type": .string(entry.type), "status": .string(state.status), "reason": .string(state.reason),
                    "message": .string(state.message), "lastHeartbeatTime": .string(ObjectMeta.timestamp(now)),
                    "lastTransitionTime": .string(ObjectMeta.timestamp(since[entry.type] ?? now)),
                ]
            })
    }
}
