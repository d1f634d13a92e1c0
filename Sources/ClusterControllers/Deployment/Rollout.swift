import Foundation
import KubeAPI

/// One pass of the Deployment controller over one Deployment: find the new and old
/// ReplicaSets, move pods between them by the strategy, prune history, write the status.
struct Rollout {
    var deployment: JSON
    let controller: DeploymentController
    let now: Date
    var newReplicaSet: OwnedReplicaSet?
    var oldReplicaSets: [OwnedReplicaSet] = []
    var createdNew = false

    init(deployment: JSON, controller: DeploymentController, now: Date) {
        self.deployment = deployment
        self.controller = controller
        self.now = now
    }

    var wanted: Int64 { deployment[path: ["spec", "replicas"]]?.intValue ?? 1 }
    var isRecreate: Bool { deployment[path: ["spec", "strategy", "type"]]?.stringValue == "Recreate" }
    var isPaused: Bool { deployment[path: ["spec", "paused"]]?.boolValue == true }
    var all: [OwnedReplicaSet] { oldReplicaSets + (newReplicaSet.map { [$0] } ?? []) }

    mutating func run(replicaSets: [JSON], pods: [Pod]) async {
        let owned = await controller.owned(by: deployment, among: replicaSets)
        let template = PodTemplateHash.withoutHash(deployment[path: ["spec", "template"]])
        newReplicaSet = owned.filter { $0.template == template }.max { $0.revision < $1.revision }
        oldReplicaSets = owned.filter { $0.uid != newReplicaSet?.uid }.sorted { ($0.creation, $0.name) < ($1.creation, $1.name) }
        let revision = (oldReplicaSets.map(\.revision).max() ?? 0) + 1
        if !isPaused {
            if isRecreate {
                await recreate(pods: pods, revision: revision)
            } else {
                await rollingUpdate(revision: revision)
            }
            await pruneHistory()
        } else if let current = newReplicaSet, current.replicas != wanted, oldReplicaSets.allSatisfy({ $0.replicas == 0 }) {
            newReplicaSet = await controller.scale(current, to: wanted, for: deployment, now: now)  // `kubectl scale` of a paused Deployment
        }
        await recordRevision()
        await writeStatus()
    }

    /// The new ReplicaSet, created with `replicas` pods when missing, renumbered when an old
    /// template comes back (`kubectl rollout undo`).
    private mutating func ensureNew(replicas: Int64, revision: Int64) async -> OwnedReplicaSet? {
        if let current = newReplicaSet {
            if current.revision < revision {
                newReplicaSet = await controller.scale(current, to: current.replicas, for: deployment, revision: revision, now: now)
            }
            return newReplicaSet
        }
        newReplicaSet = await controller.createReplicaSet(for: deployment, replicas: replicas, revision: revision, now: now)
        createdNew = newReplicaSet != nil
        return newReplicaSet
    }

    /// Recreate: every old pod goes before the new ReplicaSet grows.
    private mutating func recreate(pods: [Pod], revision: Int64) async {
        for index in oldReplicaSets.indices where oldReplicaSets[index].replicas > 0 {
            oldReplicaSets[index] = await controller.scale(oldReplicaSets[index], to: 0, for: deployment, now: now)
        }
        let oldUIDs = Set(oldReplicaSets.map(\.uid))
        if pods.contains(where: { $0.controllerUID.map(oldUIDs.contains) == true }) { return }
        guard let current = await ensureNew(replicas: wanted, revision: revision) else { return }
        if current.replicas != wanted { newReplicaSet = await controller.scale(current, to: wanted, for: deployment, now: now) }
    }

    /// RollingUpdate: grow the new ReplicaSet within maxSurge, shrink the old ones within
    /// maxUnavailable (upstream `rolloutRolling`).
    private mutating func rollingUpdate(revision: Int64) async {
        let (surge, unavailable) = RolloutMath.fenceposts(deployment)
        let initial = newReplicaSet == nil ? RolloutMath.newReplicaSetSize(wanted: wanted, surge: surge, newSize: 0, totalSize: oldReplicaSets.totalReplicas) : 0
        guard let current = await ensureNew(replicas: initial, revision: revision) else { return }
        let size = RolloutMath.newReplicaSetSize(wanted: wanted, surge: surge, newSize: current.replicas, totalSize: all.totalReplicas)
        if size != current.replicas { newReplicaSet = await controller.scale(current, to: size, for: deployment, now: now) }
        await scaleDownOld(maxUnavailable: unavailable)
    }

    /// Upstream `reconcileOldReplicaSets`: first the old pods that are not available, then
    /// available ones while availability stays at or above replicas - maxUnavailable.
    private mutating func scaleDownOld(maxUnavailable: Int64) async {
        guard let current = newReplicaSet, oldReplicaSets.totalReplicas > 0 else { return }
        let minAvailable = wanted - maxUnavailable
        let newUnavailable = current.replicas - current.available
        var budget = all.totalReplicas - minAvailable - newUnavailable
        guard budget > 0 else { return }
        for index in oldReplicaSets.indices where budget > 0 {
            let old = oldReplicaSets[index]
            let unhealthy = min(budget, old.replicas - old.available)
            if unhealthy > 0 {
                oldReplicaSets[index] = await controller.scale(old, to: old.replicas - unhealthy, for: deployment, now: now)
                budget -= unhealthy
            }
        }
        var spare = all.totalAvailable - minAvailable
        for index in oldReplicaSets.indices where spare > 0 && oldReplicaSets[index].replicas > 0 {
            let old = oldReplicaSets[index]
            let down = min(old.replicas, spare)
            oldReplicaSets[index] = await controller.scale(old, to: old.replicas - down, for: deployment, now: now)
            spare -= down
        }
    }

    /// Deletes the oldest empty old ReplicaSets beyond `revisionHistoryLimit` (default 10).
    private mutating func pruneHistory() async {
        let limit = Int(deployment[path: ["spec", "revisionHistoryLimit"]]?.intValue ?? 10)
        let empty = oldReplicaSets.filter { $0.replicas == 0 && $0.statusReplicas == 0 }
        guard empty.count > limit else { return }
        for old in empty.sorted(by: { $0.revision < $1.revision }).prefix(empty.count - limit) {
            do {
                try await controller.state.delete(.replicaSets, old.object)
                oldReplicaSets.removeAll { $0.uid == old.uid }
            } catch {
                controller.logger.debug("pruning ReplicaSet \(old.name) failed: \(error)")
            }
        }
    }

    /// The Deployment carries its current revision as upstream does (`kubectl rollout history`).
    private mutating func recordRevision() async {
        guard let current = newReplicaSet else { return }
        let revision = String(current.revision)
        guard ObjectMeta.annotations(deployment)[OwnedReplicaSet.revisionAnnotation] != revision else { return }
        var annotated = deployment
        annotated[path: ["metadata", "annotations", OwnedReplicaSet.revisionAnnotation]] = .string(revision)
        if let stored = try? await controller.state.update(.deployments, annotated) { deployment = stored }
    }
}
