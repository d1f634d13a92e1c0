import Foundation
import KubeAPI

extension Rollout {
    /// The Deployment's status from its ReplicaSets (upstream `calculateStatus` and
    /// `syncRolloutStatus`): counts, the Available condition (at least replicas -
    /// maxUnavailable available) and the Progressing condition, with the progress deadline
    /// (`progressDeadlineSeconds`, default 600) judged on the service clock.
    mutating func writeStatus() async {
        let old = deployment["status"] ?? [:]
        var status = old.objectValue ?? [:]
        let available = all.totalAvailable
        status["observedGeneration"] = deployment[path: ["metadata", "generation"]]
        status["replicas"] = .int(all.reduce(0) { $0 + $1.statusReplicas })
        status["updatedReplicas"] = .int(newReplicaSet?.statusReplicas ?? 0)
        status["readyReplicas"] = .int(all.reduce(0) { $0 + $1.ready })
        status["availableReplicas"] = .int(available)
        status["unavailableReplicas"] = .int(max(0, all.totalReplicas - available))
        for field in ["replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"] where status[field] == .int(0) {
            status[field] = nil  // upstream's counts are omitempty
        }
        let (_, maxUnavailable) = RolloutMath.fenceposts(deployment)
        var conditions = old["conditions"]?.arrayValue ?? []
        if available >= wanted - maxUnavailable {
            set(&conditions, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.")
        } else {
            set(&conditions, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.")
        }
        progressing(&conditions, status: status, old: old)
        status["conditions"] = .array(conditions)
        guard JSON.object(status) != deployment["status"] else { return }
        var updated = deployment
        updated["status"] = .object(status)
        do {
            deployment = try await controller.state.updateStatus(.deployments, updated)
        } catch {
            controller.logger.debug("Deployment \(ObjectMeta.name(deployment)): status update failed: \(error)")
        }
    }

    private func progressing(_ conditions: inout [JSON], status: [String: JSON], old: JSON) {
        guard let name = newReplicaSet?.name ?? (isPaused ? "" : nil) else { return }  // Recreate: old pods still going
        let current = conditions.first { $0["type"]?.stringValue == "Progressing" }
        func count(_ json: JSON?, _ field: String) -> Int64 { json?[field]?.intValue ?? 0 }
        let statusJSON = JSON.object(status)
        let complete = count(statusJSON, "updatedReplicas") == wanted && count(statusJSON, "replicas") == wanted
            && count(statusJSON, "availableReplicas") == wanted && oldReplicaSets.allSatisfy { $0.replicas == 0 }
        if isPaused {
            set(&conditions, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused")
        } else if createdNew {
            set(&conditions, "Progressing", "True", "NewReplicaSetCreated", "Created new replica set \"\(name)\"")
        } else if complete {
            set(&conditions, "Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet \"\(name)\" has successfully progressed.")
        } else if current?["reason"]?.stringValue == "ProgressDeadlineExceeded" && current?["message"]?.stringValue?.contains("\"\(name)\"") == true {
            return
        } else {
            let progressed = ["updatedReplicas", "readyReplicas", "availableReplicas"].contains { count(statusJSON, $0) > count(old, $0) }
                || count(statusJSON, "replicas") < count(old, "replicas") && count(statusJSON, "updatedReplicas") > 0
            let lastUpdate = current?["lastUpdateTime"]?.stringValue.flatMap(ObjectMeta.parseTimestamp) ?? now
            let deadline = TimeInterval(deployment[path: ["spec", "progressDeadlineSeconds"]]?.intValue ?? 600)
            if progressed || current == nil || current?["message"]?.stringValue?.contains("\"\(name)\"") != true {
                set(&conditions, "Progressing", "True", "ReplicaSetUpdated", "ReplicaSet \"\(name)\" is progressing.", touch: progressed)
            } else if now.timeIntervalSince(lastUpdate) > deadline {
                set(&conditions, "Progressing", "False", "ProgressDeadlineExceeded", "ReplicaSet \"\(name)\" has timed out progressing.")
            }
        }
    }

    /// Sets a condition; times move only when something about it changes (or `touch`).
    private func set(_ conditions: inout [JSON], _ type: String, _ status: String, _ reason: String, _ message: String, touch: Bool = false) {
        let time = JSON.string(ObjectMeta.timestamp(now))
        let index = conditions.firstIndex { $0["type"]?.stringValue == type }
        let existing = index.map { conditions[$0] }
        if let existing, existing["status"]?.stringValue == status, existing["reason"]?.stringValue == reason,
            existing["message"]?.stringValue == message, !touch
        {
            return
        }
        let transition = existing?["status"]?.stringValue == status ? existing?["lastTransitionTime"] ?? time : time
        let condition: JSON = [
            "type": .string(type), "status": .string(status), "reason": .string(reason), "message": .string(message),
            "lastUpdateTime": time, "lastTransitionTime": transition,
        ]
        if let index { conditions[index] = condition } else { conditions.append(condition) }
    }
}
