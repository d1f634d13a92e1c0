import KubeAPI

/// Which nodes a DaemonSet's pods belong on (upstream `NodeShouldRunDaemonPod`): the pod's
/// node selector and required affinity, and its taints against the template's tolerations
/// plus the ones upstream adds to every daemon pod.
struct DaemonPlacement: Sendable {
    /// Tolerations the DaemonSet controller adds to its pods (upstream `AddOrUpdateDaemonPodTolerations`).
    static let defaultTolerations: [Toleration] = [
        Toleration(key: Taint.notReady, effect: "NoExecute"),
        Toleration(key: Taint.unreachable, effect: "NoExecute"),
        Toleration(key: Taint.diskPressure, effect: "NoSchedule"),
        Toleration(key: Taint.memoryPressure, effect: "NoSchedule"),
        Toleration(key: Taint.pidPressure, effect: "NoSchedule"),
        Toleration(key: Taint.unschedulable, effect: "NoSchedule"),
    ]
    static let hostNetworkToleration = Toleration(key: Taint.networkUnavailable, effect: "NoSchedule")

    let placement: NodePlacement
    let tolerations: [Toleration]

    init(template: JSON?) {
        let spec = template?["spec"]
        placement = NodePlacement(podSpec: spec)
        var tolerations = (spec?["tolerations"]?.arrayValue ?? []).map(Toleration.init)
        var added = Self.defaultTolerations
        if spec?["hostNetwork"]?.boolValue == true { added.append(Self.hostNetworkToleration) }
        for toleration in added where !tolerations.contains(where: { $0.key == toleration.key && $0.effect == toleration.effect }) {
            tolerations.append(toleration)
        }
        self.tolerations = tolerations
    }

    /// A new daemon pod may go to the node: placement matches, NoSchedule and NoExecute taints tolerated.
    func shouldRun(on node: Node) -> Bool {
        placement.matches(node) && tolerations.firstUntolerated(in: node.taints) == nil
    }

    /// An existing daemon pod may stay: placement matches, NoExecute taints tolerated.
    func shouldContinueRunning(on node: Node) -> Bool {
        placement.matches(node) && !node.taints.contains { $0.effect == "NoExecute" && !tolerations.tolerate($0) }
    }

    /// The template's pod spec bound to `node`, with the daemon tolerations.
    func podSpec(_ template: JSON?, node: String) -> JSON {
        var spec = template?["spec"] ?? [:]
        spec["nodeName"] = .string(node)
        spec["tolerations"] = .array(tolerations.map(\.json))
        return spec
    }
}
