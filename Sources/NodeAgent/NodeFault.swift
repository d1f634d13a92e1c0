/// A fault the provider injects into a node (issue 5: kubelet stopped, containerd down,
/// network tunnel down, node NotReady, VM powered off). What each does is data: `effect`.
public enum NodeFault: String, Sendable, Hashable, CaseIterable, Codable {
    /// The kubelet process is stopped: no Lease renewals, no status, pods frozen.
    case kubeletStopped
    /// containerd is down: the kubelet posts Ready=False; new pods stay ContainerCreating.
    case containerdDown
    /// The konnectivity tunnel from the control plane to the node is down: the node stays
    /// Ready but reports `NetworkTunnelUnavailable=True`; logs/exec/port-forward to its pods fail.
    case networkTunnelDown
    /// The kubelet posts Ready=False (`KubeletNotReady`); running pods keep running.
    case nodeNotReady
    /// The VM is powered off: the agent goes silent like `kubeletStopped`. The IaaS layer
    /// normally expresses this by removing the node's spec from `sync`.
    case vmPoweredOff

    /// What this fault does to heartbeats, conditions and pods.
    public var effect: NodeFaultEffect {
        switch self {
        case .kubeletStopped, .vmPoweredOff:
            NodeFaultEffect(silent: true, startsContainers: false)
        case .containerdDown:
            NodeFaultEffect(
                startsContainers: false,
                conditions: [
                    "Ready": NodeConditionState(
                        status: "False", reason: "KubeletNotReady",
                        message: "container runtime is down, PLEG is not healthy: containerd is not responding (injected fault)"),
                    "ContainerRuntimeProblem": NodeConditionState(
                        status: "True", reason: "ContainerRuntimeIsDown", message: "containerd is not responding on /run/containerd/containerd.sock"),
                ])
        case .networkTunnelDown:
            NodeFaultEffect(conditions: [
                NodeConditions.tunnelCondition: NodeConditionState(
                    status: "True", reason: "KonnectivityAgentDisconnected",
                    message: "the konnectivity tunnel to the control plane is down: kubectl logs, exec, attach and port-forward to pods on this node fail")
            ])
        case .nodeNotReady:
            NodeFaultEffect(conditions: [
                "Ready": NodeConditionState(
                    status: "False", reason: "KubeletNotReady", message: "kubelet is posting not ready status: PLEG is not healthy (injected fault)")
            ])
        }
    }
}

/// The effect of a fault as data: whether the agent still talks to the API, whether pods
/// may start, and which conditions it overrides.
public struct NodeFaultEffect: Sendable, Equatable {
    /// No Lease renewals, no status posts and no pod changes.
    public var silent: Bool
    /// Pods may move from ContainerCreating to Running.
    public var startsContainers: Bool
    /// Condition type -> what the kubelet reports instead of the healthy state.
    public var conditions: [String: NodeConditionState]

    public init(silent: Bool = false, startsContainers: Bool = true, conditions: [String: NodeConditionState] = [:]) {
        self.silent = silent
        self.startsContainers = startsContainers
        self.conditions = conditions
    }
}

/// One node condition as the kubelet reports it (status, reason, message; times are added when posted).
public struct NodeConditionState: Sendable, Equatable, Hashable {
    public var status: String
    public var reason: String
    public var message: String

    public init(status: String, reason: String, message: String) {
        self.status = status
        self.reason = reason
        self.message = message
    }
}
