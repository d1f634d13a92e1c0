import Foundation
import KubeAPI
import Logging

/// Keeps `spec.replicas` active pods for each ReplicaSet: creates them from the template with
/// a controller reference (names `{rs}-{5 random chars}`), deletes extras in upstream's order
/// (unscheduled, pending, not ready, newest first), and writes the status
/// (replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration).
struct ReplicaSetController: Sendable {
    let state: ClusterState
    let events: EventRecorder
    let logger: Logger

    func reconcile(now: Date) async {
        let podsByOwner = Dictionary(grouping: state.pods.cache.objects.map(Pod.init).filter(\.isActive)) { $0.controllerUID ?? "" }
        for replicaSet in state.replicaSets.cache.objects where replicaSet[path: ["metadata", "deletionTimestamp"]] == nil {
            let uid = replicaSet[path: ["metadata", "uid"]]?.stringValue ?? ""
            await manage(replicaSet, pods: podsByOwner[uid] ?? [], now: now)
        }
    }

    private func manage(_ replicaSet: JSON, pods: [Pod], now: Date) async {
        let name = "\(ObjectMeta.namespace(replicaSet))/\(ObjectMeta.name(replicaSet))"
        let wanted = Int(replicaSet[path: ["spec", "replicas"]]?.intValue ?? 1)
        var active = pods
        if active.count < wanted {
            for _ in active.count..<wanted {
                let pod = PodTemplate.pod(from: replicaSet[path: ["spec", "template"]], owner: replicaSet, kind: "ReplicaSet")
                do {
                    let created = try await state.create(.pods, namespace: ObjectMeta.namespace(replicaSet), pod)
                    active.append(Pod(created))
                    await events.record(replicaSet, reason: "SuccessfulCreate", message: "Created pod: \(ObjectMeta.name(created))", now: now)
                } catch {
                    logger.writeFailed("ReplicaSet \(name): creating a pod failed", error)
                    await events.record(replicaSet, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error.message)", now: now)
                    break
                }
            }
        } else if active.count > wanted {
            let extras = active.sorted(by: PodTemplate.deletionOrder).prefix(active.count - wanted)
            for pod in extras {
                do {
                    try await state.delete(.pods, pod.object)
                    active.removeAll { $0.uid == pod.uid }
                    await events.record(replicaSet, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)", now: now)
                } catch {
                    logger.writeFailed("ReplicaSet \(name): deleting pod \(pod.name) failed", error)
                }
            }
        }
        await writeStatus(replicaSet, pods: active, now: now)
    }

    private func writeStatus(_ replicaSet: JSON, pods: [Pod], now: Date) async {
        let template = replicaSet[path: ["spec", "template"]]
        let minReady = replicaSet[path: ["spec", "minReadySeconds"]]?.intValue ?? 0
        var status = replicaSet["status"]?.objectValue ?? [:]
        status["replicas"] = .int(Int64(pods.count))
        Self.setCount(&status, "fullyLabeledReplicas", pods.filter { PodTemplate.isFullyLabeled($0, template: template) }.count)
        Self.setCount(&status, "readyReplicas", pods.filter(\.isReady).count)
        Self.setCount(&status, "availableReplicas", pods.filter { $0.isAvailable(minReadySeconds: minReady, now: now) }.count)
        status["observedGeneration"] = replicaSet[path: ["metadata", "generation"]]
        guard JSON.object(status) != replicaSet["status"] else { return }
        var updated = replicaSet
        updated["status"] = .object(status)
        do {
            try await state.updateStatus(.replicaSets, updated)
        } catch {
            logger.debug("ReplicaSet \(ObjectMeta.name(replicaSet)): status update failed: \(error)")
        }
    }

    /// Upstream's status counts are `omitempty`: zero is absent.
    static func setCount(_ status: inout [String: JSON], _ field: String, _ count: Int) {
        status[field] = count == 0 ? nil : .int(Int64(count))
    }
}
