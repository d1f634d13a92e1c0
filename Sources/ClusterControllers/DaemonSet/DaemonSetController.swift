import Foundation
import KubeAPI
import Logging

/// One pod per eligible node for each DaemonSet (POLICY N12): created when a node appears or
/// becomes eligible, deleted when the node goes or stops matching, replaced node by node on a
/// template change (RollingUpdate, maxUnavailable default 1; OnDelete leaves old pods alone).
/// Pods are bound by this controller itself (`spec.nodeName` set at creation, as upstream did
/// before 1.12), so the scheduler never sees them and resources are not checked for them.
struct DaemonSetController: Sendable {
    static let hashLabel = "controller-revision-hash"
    static let generationLabel = "pod-template-generation"

    let state: ClusterState
    let events: EventRecorder
    let logger: Logger

    func reconcile(now: Date) async {
        let nodes = state.nodes.cache.objects.map(Node.init).sorted { $0.name < $1.name }
        let pods = Dictionary(grouping: state.pods.cache.objects.map(Pod.init).filter { !$0.isTerminating }) { $0.controllerUID ?? "" }
        for daemonSet in state.daemonSets.cache.objects where daemonSet[path: ["metadata", "deletionTimestamp"]] == nil {
            let uid = daemonSet[path: ["metadata", "uid"]]?.stringValue ?? ""
            await manage(daemonSet, nodes: nodes, pods: pods[uid] ?? [], now: now)
        }
    }

    private func manage(_ daemonSet: JSON, nodes: [Node], pods: [Pod], now: Date) async {
        let template = daemonSet[path: ["spec", "template"]]
        let hash = PodTemplateHash.of(template)
        let placement = DaemonPlacement(template: template)
        let minReady = daemonSet[path: ["spec", "minReadySeconds"]]?.intValue ?? 0
        let nodeNames = Set(nodes.map(\.name))
        var byNode = Dictionary(grouping: pods.filter { $0.nodeName != nil }) { $0.nodeName ?? "" }
        var doomed: [Pod] = pods.filter { $0.phase == "Failed" || $0.nodeName.map(nodeNames.contains) == false }
        for node in nodes {
            let onNode = (byNode[node.name] ?? []).filter { $0.phase != "Failed" }.sorted { ($0.creation, $0.name) < ($1.creation, $1.name) }
            if !placement.shouldContinueRunning(on: node) {
                doomed += onNode
            } else if onNode.count > 1 {
                doomed += onNode.dropFirst()
            }
        }
        doomed += rollingReplacements(daemonSet, nodes: nodes, byNode: byNode, placement: placement, hash: hash, now: now)
        var seen: Set<String> = []
        for pod in doomed where seen.insert(pod.uid).inserted {
            do {
                try await state.delete(.pods, pod.object)
                await events.record(daemonSet, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)", now: now)
            } catch {
                logger.debug("DaemonSet \(ObjectMeta.name(daemonSet)): deleting pod \(pod.name) failed: \(error)")
            }
        }
        let doomedUIDs = Set(doomed.map(\.uid))
        byNode = byNode.mapValues { $0.filter { !doomedUIDs.contains($0.uid) && $0.phase != "Failed" } }
        for node in nodes where placement.shouldRun(on: node) && (byNode[node.name] ?? []).isEmpty {
            var pod = PodTemplate.pod(
                from: template, owner: daemonSet, kind: "DaemonSet",
                extraLabels: [Self.hashLabel: hash, Self.generationLabel: String(daemonSet[path: ["metadata", "generation"]]?.intValue ?? 1)])
            pod["spec"] = placement.podSpec(template, node: node.name)
            do {
                let created = try await state.create(.pods, namespace: ObjectMeta.namespace(daemonSet), pod)
                byNode[node.name] = [Pod(created)]
                await events.record(daemonSet, reason: "SuccessfulCreate", message: "Created pod: \(ObjectMeta.name(created))", now: now)
            } catch {
                logger.writeFailed("DaemonSet \(ObjectMeta.name(daemonSet)): creating a pod on \(node.name) failed", error)
            }
        }
        var status = daemonSet["status"]?.objectValue ?? [:]
        var counts = (desired: 0, current: 0, misscheduled: 0, ready: 0, available: 0, updated: 0)
        for node in nodes {
            let pod = byNode[node.name]?.first
            guard placement.shouldRun(on: node) else {
                if pod != nil { counts.misscheduled += 1 }
                continue
            }
            counts.desired += 1
            guard let pod else { continue }
            counts.current += 1
            if pod.isReady { counts.ready += 1 }
            if pod.isAvailable(minReadySeconds: minReady, now: now) { counts.available += 1 }
            if pod.label(Self.hashLabel) == hash { counts.updated += 1 }
        }
        status["desiredNumberScheduled"] = .int(Int64(counts.desired))
        status["currentNumberScheduled"] = .int(Int64(counts.current))
        status["numberMisscheduled"] = .int(Int64(counts.misscheduled))
        status["numberReady"] = .int(Int64(counts.ready))
        ReplicaSetController.setCount(&status, "numberAvailable", counts.available)
        ReplicaSetController.setCount(&status, "updatedNumberScheduled", counts.updated)
        ReplicaSetController.setCount(&status, "numberUnavailable", counts.desired - counts.available)
        status["observedGeneration"] = daemonSet[path: ["metadata", "generation"]]
        guard JSON.object(status) != daemonSet["status"] else { return }
        var updated = daemonSet
        updated["status"] = .object(status)
        do {
            try await state.updateStatus(.daemonSets, updated)
        } catch {
            logger.debug("DaemonSet \(ObjectMeta.name(daemonSet)): status update failed: \(error)")
        }
    }

    /// Old-template pods to delete now (RollingUpdate): unavailable ones at once, available
    /// ones while fewer than maxUnavailable nodes are without an available pod.
    private func rollingReplacements(_ daemonSet: JSON, nodes: [Node], byNode: [String: [Pod]], placement: DaemonPlacement, hash: String, now: Date) -> [Pod] {
        guard daemonSet[path: ["spec", "updateStrategy", "type"]]?.stringValue != "OnDelete" else { return [] }
        let minReady = daemonSet[path: ["spec", "minReadySeconds"]]?.intValue ?? 0
        let eligible = nodes.filter { placement.shouldRun(on: $0) }
        let maxUnavailable = max(1, RolloutMath.scaled(
            daemonSet[path: ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]], total: Int64(eligible.count), roundUp: true, default: "1"))
        var unavailable = eligible.filter { node in !(byNode[node.name] ?? []).contains { $0.isAvailable(minReadySeconds: minReady, now: now) } }.count
        var replaced: [Pod] = []
        for node in eligible {
            guard let pod = byNode[node.name]?.first, pod.label(Self.hashLabel) != hash else { continue }
            if !pod.isAvailable(minReadySeconds: minReady, now: now) {
                replaced.append(pod)
            } else if unavailable < maxUnavailable {
                replaced.append(pod)
                unavailable += 1
            }
        }
        return replaced
    }
}
