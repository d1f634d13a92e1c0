import Foundation
import KubeAPI

/// A node as the controllers read it: a view over the stored JSON object.
/// Name and taints are read once: a pass asks them of every node for every DaemonSet and
/// pending pod. Labels are built on demand (only a node selector or affinity needs them).
struct Node: Sendable {
    let object: JSON
    let name: String
    let taints: [Taint]

    init(_ object: JSON) {
        self.object = object
        name = ObjectMeta.name(object)
        taints = (object[path: ["spec", "taints"]]?.arrayValue ?? []).map(Taint.init)
    }

    var labels: [String: String] { ObjectMeta.labels(object) }

    /// Cordoned (`kubectl cordon` sets `spec.unschedulable`).
    var isUnschedulable: Bool { object[path: ["spec", "unschedulable"]]?.boolValue == true }
    var allocatable: ResourceAmounts { ResourceAmounts(requests: object[path: ["status", "allocatable"]] ?? object[path: ["status", "capacity"]]) }
    var creation: Date { object[path: ["metadata", "creationTimestamp"]]?.stringValue.flatMap(ObjectMeta.parseTimestamp) ?? .distantPast }

    var conditions: [JSON] { object[path: ["status", "conditions"]]?.arrayValue ?? [] }

    func condition(_ type: String) -> JSON? { conditions.first { $0["type"]?.stringValue == type } }

    /// `True`, `False`, `Unknown`, or nil when the kubelet never posted the condition.
    func conditionStatus(_ type: String) -> String? { condition(type)?["status"]?.stringValue }

    var isReady: Bool { conditionStatus("Ready") == "True" }

    /// The fields a scheduling or placement decision depends on. Heartbeat times are left out,
    /// so a kubelet's periodic status post does not wake the controllers.
    var placementFacts: JSON {
        let conditionStates = conditions.map { condition -> JSON in ["type": condition["type"] ?? "", "status": condition["status"] ?? ""] }
        return [
            "labels": object[path: ["metadata", "labels"]] ?? [:], "spec": object["spec"] ?? [:],
            "allocatable": object[path: ["status", "allocatable"]] ?? [:], "conditions": .array(conditionStates),
        ]
    }
}
