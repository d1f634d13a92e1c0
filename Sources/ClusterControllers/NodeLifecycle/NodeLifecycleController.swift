import Foundation
import KubeAPI
import Logging

/// Node health from heartbeats, and the taints that follow from it (upstream
/// `node-lifecycle-controller`): a node whose Lease in `kube-node-lease` was last renewed more
/// than the grace period ago (40 s) gets its kubelet conditions set to `Unknown`; the Ready
/// condition then decides the taints `node.kubernetes.io/unreachable` (Unknown) or
/// `node.kubernetes.io/not-ready` (False), NoSchedule and NoExecute (with `timeAdded`); pressure
/// conditions and a cordon (`spec.unschedulable`) add their NoSchedule taints. When the kubelet
/// posts Ready=True again the taints go.
struct NodeLifecycleController: Sendable {
    /// The conditions a kubelet posts, which turn Unknown when it stops (upstream's list).
    static let kubeletConditions = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"]

    let state: ClusterState
    let events: EventRecorder
    let logger: Logger
    let gracePeriod: TimeInterval

    /// `judgeHeartbeats` only on the tick, when the node agents have just renewed their
    /// leases at the same instant: a pass woken by a watch event never marks a node stale.
    func reconcile(now: Date, judgeHeartbeats: Bool) async {
        for object in state.nodes.cache.objects {
            var node = Node(object)
            if judgeHeartbeats, let stale = await markUnknownIfStale(node, now: now) { node = stale }
            await syncTaints(node, now: now)
        }
    }

    /// The last sign of life: the lease's renewTime, else the Ready heartbeat, else creation.
    func lastHeartbeat(_ node: Node) -> Date {
        let lease = state.leases.cache.object("kube-node-lease/\(node.name)")
        if let renewed = lease?[path: ["spec", "renewTime"]]?.stringValue.flatMap(ObjectMeta.parseTimestamp) { return renewed }
        if let posted = node.condition("Ready")?["lastHeartbeatTime"]?.stringValue.flatMap(ObjectMeta.parseTimestamp) { return posted }
        return node.creation
    }

    private func markUnknownIfStale(_ node: Node, now: Date) async -> Node? {
        guard now.timeIntervalSince(lastHeartbeat(node)) > gracePeriod else { return nil }
        // The cache may not have the renewal the node agent wrote just before this tick yet:
        // read the lease itself before calling the node stale.
        if let lease = try? await state.client.find(.leases, namespace: "kube-node-lease", node.name) {
            state.leases.cache.stored(lease)
            guard now.timeIntervalSince(lastHeartbeat(node)) > gracePeriod else { return nil }
        }
        let time = JSON.string(ObjectMeta.timestamp(now))
        var conditions = node.conditions
        for type in Self.kubeletConditions {
            if let index = conditions.firstIndex(where: { $0["type"]?.stringValue == type }) {
                guard conditions[index]["status"]?.stringValue != "Unknown" else { continue }
                conditions[index]["status"] = "Unknown"
                conditions[index]["reason"] = "NodeStatusUnknown"
                conditions[index]["message"] = "Kubelet stopped posting node status."
                conditions[index]["lastTransitionTime"] = time
            } else {
                conditions.append([
                    "type": .string(type), "status": "Unknown", "reason": "NodeStatusNeverUpdated",
                    "message": "Kubelet never posted node status.", "lastHeartbeatTime": .string(ObjectMeta.timestamp(node.creation)),
                    "lastTransitionTime": time,
                ])
            }
        }
        guard conditions != node.conditions else { return nil }
        var object = node.object
        object[path: ["status", "conditions"]] = .array(conditions)
        do {
            let stored = try await state.updateStatus(.nodes, object)
            await events.record(stored, reason: "NodeNotReady", message: "Node \(node.name) status is now: NodeNotReady", now: now)
            return Node(stored)
        } catch {
            logger.debug("marking node \(node.name) Unknown failed: \(error)")
            return nil
        }
    }

    /// The managed taints the node should carry now, keeping `timeAdded` of those it has.
    static func managedTaints(_ node: Node, now: Date) -> [Taint] {
        var wanted: [Taint] = []
        switch node.conditionStatus("Ready") {
        case "False"?: wanted += [Taint(key: Taint.notReady, effect: "NoSchedule"), Taint(key: Taint.notReady, effect: "NoExecute", timeAdded: now)]
        case "Unknown"?: wanted += [Taint(key: Taint.unreachable, effect: "NoSchedule"), Taint(key: Taint.unreachable, effect: "NoExecute", timeAdded: now)]
        default: break
        }
        let pressure = [("MemoryPressure", Taint.memoryPressure), ("DiskPressure", Taint.diskPressure), ("PIDPressure", Taint.pidPressure), ("NetworkUnavailable", Taint.networkUnavailable)]
        for (condition, key) in pressure where node.conditionStatus(condition) == "True" {
            wanted.append(Taint(key: key, effect: "NoSchedule"))
        }
        if node.isUnschedulable { wanted.append(Taint(key: Taint.unschedulable, effect: "NoSchedule")) }
        let existing = node.taints
        return wanted.map { taint in
            var taint = taint
            if let kept = existing.first(where: { $0.matches(taint) }) { taint.timeAdded = kept.timeAdded ?? taint.timeAdded }
            return taint
        }
    }

    private func syncTaints(_ node: Node, now: Date) async {
        let existing = node.taints
        let kept = existing.filter { !Taint.managedKeys.contains($0.key) }
        let wanted = kept + Self.managedTaints(node, now: now)
        let unchanged = wanted.count == existing.count && wanted.allSatisfy { taint in existing.contains { $0 == taint } }
        guard !unchanged else { return }
        var object = node.object
        object[path: ["spec", "taints"]] = wanted.isEmpty ? nil : .array(wanted.map(\.json))
        do {
            try await state.update(.nodes, object)
        } catch {
            logger.debug("updating the taints of node \(node.name) failed: \(error)")
        }
    }
}
