import Foundation
import KubeAPI
import Logging

/// Deletes pods bound to nodes that no longer exist (upstream podgc `gcOrphaned`), so their
/// controllers recreate them elsewhere. Upstream waits a 40 s quarantine first; here the node
/// cache is the one the other controllers use, so the deletion is immediate.
struct PodGarbageCollector: Sendable {
    let state: ClusterState
    let events: EventRecorder
    let logger: Logger

    func reconcile(now: Date) async {
        guard state.nodes.cache.isSynced else { return }
        let nodes = Set(state.nodes.cache.objects.map(ObjectMeta.name))
        for pod in state.pods.cache.objects.map(Pod.init) where !pod.isTerminating {
            guard let node = pod.nodeName, !nodes.contains(node) else { continue }
            do {
                try await state.delete(.pods, pod.object)
                await events.record(pod.object, reason: "PodGC", message: "Deleted pod \(pod.key): its node \(node) no longer exists", now: now)
            } catch {
                logger.debug("deleting orphaned pod \(pod.key) failed: \(error)")
            }
        }
    }
}
