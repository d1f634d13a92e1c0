import Foundation
import KubeAPI
import Logging

/// Rolls each Deployment out through ReplicaSets, one per pod template (`{deploy}-{hash}`,
/// labelled `pod-template-hash`), with the Recreate or RollingUpdate strategy (maxSurge and
/// maxUnavailable, default 25%), numbers revisions in `deployment.kubernetes.io/revision`,
/// adopts orphaned ReplicaSets its selector matches, prunes history beyond
/// `revisionHistoryLimit`, and writes the status with the Available and Progressing conditions.
struct DeploymentController: Sendable {
    let state: ClusterState
    let events: EventRecorder
    let logger: Logger

    func reconcile(now: Date) async {
        let replicaSets = state.replicaSets.cache.objects
        let pods = state.pods.cache.objects.map(Pod.init).filter(\.isActive)
        for deployment in state.deployments.cache.objects where deployment[path: ["metadata", "deletionTimestamp"]] == nil {
            let namespace = ObjectMeta.namespace(deployment)
            let inNamespace = replicaSets.filter { ObjectMeta.namespace($0) == namespace && $0[path: ["metadata", "deletionTimestamp"]] == nil }
            var rollout = Rollout(deployment: deployment, controller: self, now: now)
            await rollout.run(replicaSets: inNamespace, pods: pods.filter { $0.namespace == namespace })
        }
    }
}

extension DeploymentController {
    /// The ReplicaSets the Deployment controls, adopting orphans its selector matches.
    func owned(by deployment: JSON, among replicaSets: [JSON]) async -> [OwnedReplicaSet] {
        let uid = deployment[path: ["metadata", "uid"]]?.stringValue ?? ""
        let selector = (try? LabelSelector(json: deployment[path: ["spec", "selector"]] ?? .null)) ?? LabelSelector(requirements: [.init(key: "-", op: .exists, values: [])])
        var owned: [OwnedReplicaSet] = []
        for replicaSet in replicaSets {
            switch OwnerReference.controllerUID(of: replicaSet) {
            case uid?: owned.append(OwnedReplicaSet(replicaSet))
            case nil where !selector.isEmpty && selector.matches(object: replicaSet):
                var adopted = replicaSet
                var references = replicaSet[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
                references.append(OwnerReference.controller(deployment, kind: "Deployment"))
                adopted[path: ["metadata", "ownerReferences"]] = .array(references)
                if let stored = try? await state.update(.replicaSets, adopted) { owned.append(OwnedReplicaSet(stored)) }
            default: break
            }
        }
        return owned
    }

    /// A new ReplicaSet for the Deployment's current template, or the existing one of that name
    /// when the cache had not seen it yet; nil on a hash collision (counted in the status).
    func createReplicaSet(for deployment: JSON, replicas: Int64, revision: Int64, now: Date) async -> OwnedReplicaSet? {
        let namespace = ObjectMeta.namespace(deployment)
        let collisions = deployment[path: ["status", "collisionCount"]]?.intValue ?? 0
        let template = deployment[path: ["spec", "template"]]
        let hash = PodTemplateHash.of(template, collisionCount: collisions)
        let name = "\(ObjectMeta.name(deployment))-\(hash)"
        var podTemplate = PodTemplateHash.withoutHash(template)
        podTemplate[path: ["metadata", "labels", PodTemplateHash.label]] = .string(hash)
        var selector = deployment[path: ["spec", "selector"]] ?? [:]
        selector[path: ["matchLabels", PodTemplateHash.label]] = .string(hash)
        var labels = podTemplate[path: ["metadata", "labels"]] ?? [:]
        labels[PodTemplateHash.label] = .string(hash)
        let (surge, _) = RolloutMath.fenceposts(deployment)
        let wanted = deployment[path: ["spec", "replicas"]]?.intValue ?? 1
        let replicaSet: JSON = [
            "apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": [
                "name": .string(name), "namespace": .string(namespace), "labels": labels,
                "ownerReferences": [OwnerReference.controller(deployment, kind: "Deployment")],
                "annotations": [
                    OwnedReplicaSet.revisionAnnotation: .string(String(revision)),
                    OwnedReplicaSet.desiredAnnotation: .string(String(wanted)),
                    OwnedReplicaSet.maxAnnotation: .string(String(wanted + surge)),
                ],
            ],
            "spec": [
                "replicas": .int(replicas), "selector": selector, "template": podTemplate,
                "minReadySeconds": deployment[path: ["spec", "minReadySeconds"]] ?? 0,
            ],
        ]
        do {
            let created = try await state.create(.replicaSets, namespace: namespace, replicaSet)
            await events.record(deployment, reason: "ScalingReplicaSet", message: "Scaled up replica set \(name) from 0 to \(replicas)", now: now)
            return OwnedReplicaSet(created)
        } catch where error.code == 409 {
            let existing = try? await state.client.get(.replicaSets, namespace: namespace, name)
            if let existing, OwnerReference.controllerUID(of: existing) == deployment[path: ["metadata", "uid"]]?.stringValue,
                PodTemplateHash.withoutHash(existing[path: ["spec", "template"]]) == PodTemplateHash.withoutHash(template)
            {
                state.replicaSets.cache.stored(existing)
                return OwnedReplicaSet(existing)
            }
            var counted = deployment
            counted[path: ["status", "collisionCount"]] = .int(collisions + 1)
            _ = try? await state.updateStatus(.deployments, counted)
            return nil
        } catch {
            logger.writeFailed("Deployment \(namespace)/\(ObjectMeta.name(deployment)): creating ReplicaSet \(name) failed", error)
            return nil
        }
    }

    /// Sets a ReplicaSet's size (and the sizing annotations upstream keeps on it).
    func scale(_ replicaSet: OwnedReplicaSet, to replicas: Int64, for deployment: JSON, revision: Int64? = nil, now: Date) async -> OwnedReplicaSet {
        let (surge, _) = RolloutMath.fenceposts(deployment)
        let wanted = deployment[path: ["spec", "replicas"]]?.intValue ?? 1
        var object = replicaSet.object
        object[path: ["spec", "replicas"]] = .int(replicas)
        object[path: ["metadata", "annotations", OwnedReplicaSet.desiredAnnotation]] = .string(String(wanted))
        object[path: ["metadata", "annotations", OwnedReplicaSet.maxAnnotation]] = .string(String(wanted + surge))
        if let revision { object[path: ["metadata", "annotations", OwnedReplicaSet.revisionAnnotation]] = .string(String(revision)) }
        guard object != replicaSet.object else { return replicaSet }
        do {
            let stored = try await state.update(.replicaSets, object)
            if replicas != replicaSet.replicas {
                let direction = replicas > replicaSet.replicas ? "up" : "down"
                await events.record(
                    deployment, reason: "ScalingReplicaSet",
                    message: "Scaled \(direction) replica set \(replicaSet.name) from \(replicaSet.replicas) to \(replicas)", now: now)
            }
            return OwnedReplicaSet(stored)
        } catch {
            logger.debug("scaling ReplicaSet \(replicaSet.name) failed: \(error)")
            return replicaSet
        }
    }
}
