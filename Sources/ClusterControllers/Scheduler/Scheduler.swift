import Foundation
import KubeAPI
import Logging

/// The default scheduler: binds each pending pod (no node, not terminating, `schedulerName`
/// `default-scheduler`) to the feasible node with the fewest pods of the same controller
/// (spread), then the most room left (least requested), oldest pod first. A pod that fits nowhere gets `PodScheduled=False` with reason `Unschedulable`
/// and upstream's message, and a `FailedScheduling` event when that message changes; every
/// pass considers it again, so it is placed as soon as a node changes.
struct Scheduler: Sendable {
    static let name = "default-scheduler"

    let state: ClusterState
    let events: EventRecorder
    let logger: Logger

    /// One scheduling round over every pending pod; returns how many were bound.
    @discardableResult
    func schedule(now: Date) async -> Int {
        let pods = state.pods.cache.objects.map(Pod.init)
        let pending = pods.filter { $0.nodeName == nil && !$0.isTerminating && !$0.isFinished && $0.schedulerName == Self.name }
            .sorted { ($0.creation, $0.key) < ($1.creation, $1.key) }
        guard !pending.isEmpty else { return 0 }  // the steady state: nothing to place, nothing to add up
        let nodes = state.nodes.cache.objects.map { SchedulableNode(Node($0)) }.sorted { $0.name < $1.name }
        var usage: [String: NodeUsage] = [:]
        for pod in pods where !pod.isFinished {
            if let node = pod.nodeName { usage[node, default: NodeUsage()].add(pod.requests, owner: pod.controllerUID) }
        }
        var bound = 0
        for pod in pending {
            let requests = pod.requests
            let tolerations = pod.tolerations
            let placement = NodePlacement(podSpec: pod.object["spec"])
            var reasons: [String: Int] = [:]
            var best: (node: SchedulableNode, siblings: Int, score: Int64)?
            for node in nodes {
                let used = usage[node.name] ?? NodeUsage()
                let failures = NodeFit.reasons(tolerations: tolerations, requests: requests, placement: placement, node: node, used: used)
                if failures.isEmpty {
                    // Spread first (fewest pods of the same controller), then least requested.
                    let siblings = pod.controllerUID.map { used.podsByOwner[$0] ?? 0 } ?? 0
                    let score = NodeFit.score(requests, node: node, used: used)
                    if best == nil || (siblings, -score) < (best!.siblings, -best!.score) { best = (node, siblings, score) }
                } else {
                    for reason in failures { reasons[reason, default: 0] += 1 }
                }
            }
            if let best {
                if await bind(pod, to: best.node.name, now: now) {
                    usage[best.node.name, default: NodeUsage()].add(requests, owner: pod.controllerUID)
                    bound += 1
                }
            } else {
                await markUnschedulable(pod, message: NodeFit.message(nodeCount: nodes.count, reasons: reasons), now: now)
            }
        }
        return bound
    }

    private func bind(_ pod: Pod, to node: String, now: Date) async -> Bool {
        do {
            try await state.bind(pod, to: node)
        } catch {
            logger.debug("binding \(pod.key) to \(node) failed: \(error)")
            return false
        }
        if pod.condition("PodScheduled")?["status"]?.stringValue == "False" {
            // Clear the stale Unschedulable condition, as upstream's binding does.
            let conditions = Self.conditions(pod, status: "True", reason: nil, message: nil, now: now)
            _ = try? await state.patchStatus(.pods, pod.object, ["status": ["conditions": .array(conditions)]])
        }
        await events.record(pod.object, reason: "Scheduled", message: "Successfully assigned \(pod.key) to \(node)", now: now)
        return true
    }

    private func markUnschedulable(_ pod: Pod, message: String, now: Date) async {
        let current = pod.condition("PodScheduled")
        if current?["status"]?.stringValue == "False", current?["message"]?.stringValue == message { return }
        var object = pod.object
        object[path: ["status", "conditions"]] = .array(Self.conditions(pod, status: "False", reason: "Unschedulable", message: message, now: now))
        do {
            try await state.updateStatus(.pods, object)
        } catch {
            logger.debug("recording that \(pod.key) is unschedulable failed: \(error)")
            return
        }
        await events.record(pod.object, type: "Warning", reason: "FailedScheduling", message: message, now: now)
    }

    /// The pod's conditions with `PodScheduled` set.
    static func conditions(_ pod: Pod, status: String, reason: String?, message: String?, now: Date) -> [JSON] {
        var conditions = (pod.object[path: ["status", "conditions"]]?.arrayValue ?? []).filter { $0["type"]?.stringValue != "PodScheduled" }
        var condition: JSON = ["type": "PodScheduled", "status": .string(status), "lastProbeTime": nil, "lastTransitionTime": .string(ObjectMeta.timestamp(now))]
        if let reason { condition["reason"] = .string(reason) }
        if let message { condition["message"] = .string(message) }
        conditions.append(condition)
        return conditions
    }
}
