import Foundation
import KubeAPI

/// A ReplicaSet as its Deployment sees it: its size, what its pods report, its revision.
struct OwnedReplicaSet: Sendable {
    static let revisionAnnotation = "deployment.kubernetes.io/revision"
    static let desiredAnnotation = "deployment.kubernetes.io/desired-replicas"
    static let maxAnnotation = "deployment.kubernetes.io/max-replicas"

    var object: JSON

    init(_ object: JSON) { self.object = object }

    var name: String { ObjectMeta.name(object) }
    var uid: String { object[path: ["metadata", "uid"]]?.stringValue ?? "" }
    var replicas: Int64 { object[path: ["spec", "replicas"]]?.intValue ?? 1 }
    var statusReplicas: Int64 { object[path: ["status", "replicas"]]?.intValue ?? 0 }
    var ready: Int64 { object[path: ["status", "readyReplicas"]]?.intValue ?? 0 }
    var available: Int64 { object[path: ["status", "availableReplicas"]]?.intValue ?? 0 }
    var revision: Int64 { ObjectMeta.annotations(object)[Self.revisionAnnotation].flatMap { Int64($0) } ?? 0 }
    var creation: Date { object[path: ["metadata", "creationTimestamp"]]?.stringValue.flatMap(ObjectMeta.parseTimestamp) ?? .distantPast }
    var template: JSON { PodTemplateHash.withoutHash(object[path: ["spec", "template"]]) }
}

extension Array where Element == OwnedReplicaSet {
    var totalReplicas: Int64 { reduce(0) { $0 + $1.replicas } }
    var totalAvailable: Int64 { reduce(0) { $0 + $1.available } }
}
