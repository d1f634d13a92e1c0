import Foundation
import KubeAPI
import Logging

/// Deletes pods from nodes with NoExecute taints they do not tolerate, at once, or when their
/// `tolerationSeconds` run out on the service clock (upstream taint manager). Pods without a
/// toleration of `not-ready` / `unreachable` NoExecute are treated as having upstream's
/// DefaultTolerationSeconds ones (300 s): this service applies them here instead of writing
/// them into the pod at admission, so a pod on a node unreachable for 300 s is deleted and its
/// ReplicaSet recreates it elsewhere, while DaemonSet pods (which tolerate forever) stay.
struct TaintEviction: Sendable {
    let state: ClusterState
    let events: EventRecorder
    let logger: Logger
    let defaultTolerationSeconds: Int64

    func reconcile(now: Date) async {
        let tainted = Dictionary(uniqueKeysWithValues: state.nodes.cache.objects.map(Node.init).compactMap { node -> (String, [Taint])? in
            let noExecute = node.taints.filter { $0.effect == "NoExecute" }
            return noExecute.isEmpty ? nil : (node.name, noExecute)
        })
        guard !tainted.isEmpty else { return }
        for pod in state.pods.cache.objects.map(Pod.init) where pod.isActive {
            guard let node = pod.nodeName, let taints = tainted[node], let deadline = evictionTime(pod, taints: taints, now: now), deadline <= now else { continue }
            do {
                try await state.delete(.pods, pod.object)
                await events.record(pod.object, reason: "TaintManagerEviction", message: "Marking for deletion Pod \(pod.key)", now: now)
            } catch {
                logger.debug("evicting \(pod.key) from \(node) failed: \(error)")
            }
        }
    }

    /// When the pod must go (nil: it tolerates the taints forever).
    func evictionTime(_ pod: Pod, taints: [Taint], now: Date) -> Date? {
        var tolerations = pod.tolerations
        for key in [Taint.notReady, Taint.unreachable] where !tolerations.tolerate(Taint(key: key, effect: "NoExecute")) {
            tolerations.append(Toleration(key: key, effect: "NoExecute", tolerationSeconds: defaultTolerationSeconds))
        }
        var earliest: Date?
        for taint in taints {
            let matching = tolerations.filter { $0.tolerates(taint) }
            if matching.isEmpty { return now }
            let seconds = matching.compactMap(\.tolerationSeconds)
            // Upstream `getMinTolerationTime`: the shortest given time; none given is forever.
            guard let shortest = seconds.min() else { continue }
            let due = (taint.timeAdded ?? now).addingTimeInterval(TimeInterval(max(0, shortest)))
            earliest = earliest.map { min($0, due) } ?? due
        }
        return earliest
    }
}
