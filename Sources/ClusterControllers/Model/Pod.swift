import Foundation
import KubeAPI

/// A pod as the controllers read it: a view over the stored JSON object.
struct Pod: Sendable {
    var object: JSON

    init(_ object: JSON) { self.object = object }

    var name: String { ObjectMeta.name(object) }
    var namespace: String { ObjectMeta.namespace(object) }
    var key: String { "\(namespace)/\(name)" }
    var uid: String { object[path: ["metadata", "uid"]]?.stringValue ?? "" }
    var labels: [String: String] { ObjectMeta.labels(object) }
    /// One label's value, without building the whole map.
    func label(_ key: String) -> String? { object[path: ["metadata", "labels", key]]?.stringValue }
    var nodeName: String? {
        guard let node = object[path: ["spec", "nodeName"]]?.stringValue, !node.isEmpty else { return nil }
        return node
    }
    var isTerminating: Bool { object[path: ["metadata", "deletionTimestamp"]] != nil }
    var phase: String { object[path: ["status", "phase"]]?.stringValue ?? "Pending" }
    /// Succeeded or Failed: the pod no longer runs and no longer holds resources.
    var isFinished: Bool { phase == "Succeeded" || phase == "Failed" }
    /// Counts towards a controller's replicas (upstream `IsPodActive`).
    var isActive: Bool { !isTerminating && !isFinished }
    var creation: Date { object[path: ["metadata", "creationTimestamp"]]?.stringValue.flatMap(ObjectMeta.parseTimestamp) ?? .distantPast }
    var schedulerName: String { object[path: ["spec", "schedulerName"]]?.stringValue ?? "default-scheduler" }

    /// The uid of the owner that controls this pod (`ownerReferences[].controller: true`).
    var controllerUID: String? { OwnerReference.controllerUID(of: object) }

    var isReady: Bool { condition("Ready")?["status"]?.stringValue == "True" }

    /// Ready for at least `minReadySeconds` at `now` (upstream `IsPodAvailable`).
    func isAvailable(minReadySeconds: Int64, now: Date) -> Bool {
        guard isReady else { return false }
        if minReadySeconds <= 0 { return true }
        guard let since = condition("Ready")?["lastTransitionTime"]?.stringValue.flatMap(ObjectMeta.parseTimestamp) else { return false }
        return since.addingTimeInterval(TimeInterval(minReadySeconds)) <= now
    }

    func condition(_ type: String) -> JSON? {
        object[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }

    var tolerations: [Toleration] { (object[path: ["spec", "tolerations"]]?.arrayValue ?? []).map(Toleration.init) }

    /// Requests of the pod: the sum over its containers, or the largest init container when
    /// that is larger (upstream `PodRequests`).
    var requests: ResourceAmounts {
        var sum = ResourceAmounts()
        for container in object[path: ["spec", "containers"]]?.arrayValue ?? [] {
            sum = sum + ResourceAmounts(requests: container[path: ["resources", "requests"]])
        }
        for container in object[path: ["spec", "initContainers"]]?.arrayValue ?? [] {
            sum = sum.maximum(ResourceAmounts(requests: container[path: ["resources", "requests"]]))
        }
        sum.pods = 1
        return sum
    }
}

/// `metadata.ownerReferences` helpers.
enum OwnerReference {
    static func controllerUID(of object: JSON) -> String? {
        let references = object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
        return references.first { $0["controller"]?.boolValue == true }?["uid"]?.stringValue
    }

    /// A controller reference to `owner` of `kind` (`ReplicaSet`, `Deployment`, `DaemonSet`).
    static func controller(_ owner: JSON, kind: String) -> JSON {
        [
            "apiVersion": "apps/v1", "kind": .string(kind), "name": .string(ObjectMeta.name(owner)),
            "uid": owner[path: ["metadata", "uid"]] ?? "", "controller": true, "blockOwnerDeletion": true,
        ]
    }
}
