import Foundation
import KubeAPI

/// A node taint (`spec.taints[]`): key, value, effect, and for NoExecute the time it was added.
struct Taint: Sendable, Equatable {
    var key: String
    var value: String
    var effect: String
    var timeAdded: Date?

    init(key: String, value: String = "", effect: String, timeAdded: Date? = nil) {
        self.key = key
        self.value = value
        self.effect = effect
        self.timeAdded = timeAdded
    }

    init(_ json: JSON) {
        key = json["key"]?.stringValue ?? ""
        value = json["value"]?.stringValue ?? ""
        effect = json["effect"]?.stringValue ?? ""
        timeAdded = json["timeAdded"]?.stringValue.flatMap(ObjectMeta.parseTimestamp)
    }

    var json: JSON {
        var json: JSON = ["key": .string(key), "effect": .string(effect)]
        if !value.isEmpty { json["value"] = .string(value) }
        if let timeAdded { json["timeAdded"] = .string(ObjectMeta.timestamp(timeAdded)) }
        return json
    }

    /// Same key and effect: the identity of a taint on a node.
    func matches(_ other: Taint) -> Bool { key == other.key && effect == other.effect }

    /// Blocks scheduling (NoSchedule) or running (NoExecute); PreferNoSchedule only scores.
    var blocksScheduling: Bool { effect == "NoSchedule" || effect == "NoExecute" }

    /// `{key: value}` as upstream's scheduler prints an untolerated taint.
    var schedulerDescription: String { "{\(key): \(value)}" }

    // The taints the node lifecycle controller manages (upstream names).
    static let notReady = "node.kubernetes.io/not-ready"
    static let unreachable = "node.kubernetes.io/unreachable"
    static let unschedulable = "node.kubernetes.io/unschedulable"
    static let memoryPressure = "node.kubernetes.io/memory-pressure"
    static let diskPressure = "node.kubernetes.io/disk-pressure"
    static let pidPressure = "node.kubernetes.io/pid-pressure"
    static let networkUnavailable = "node.kubernetes.io/network-unavailable"
    static let managedKeys: Set<String> = [notReady, unreachable, unschedulable, memoryPressure, diskPressure, pidPressure, networkUnavailable]
}

/// A pod toleration (`spec.tolerations[]`).
struct Toleration: Sendable, Equatable {
    var key: String
    var op: String
    var value: String
    var effect: String
    var tolerationSeconds: Int64?

    init(key: String, op: String = "Exists", value: String = "", effect: String, tolerationSeconds: Int64? = nil) {
        self.key = key
        self.op = op
        self.value = value
        self.effect = effect
        self.tolerationSeconds = tolerationSeconds
    }

    init(_ json: JSON) {
        key = json["key"]?.stringValue ?? ""
        op = json["operator"]?.stringValue ?? "Equal"
        value = json["value"]?.stringValue ?? ""
        effect = json["effect"]?.stringValue ?? ""
        tolerationSeconds = json["tolerationSeconds"]?.intValue
    }

    var json: JSON {
        var json: JSON = ["key": .string(key), "operator": .string(op), "effect": .string(effect)]
        if !value.isEmpty { json["value"] = .string(value) }
        if let tolerationSeconds { json["tolerationSeconds"] = .int(tolerationSeconds) }
        return json
    }

    /// Upstream `Toleration.ToleratesTaint`: an empty key with Exists tolerates everything,
    /// an empty effect matches every effect.
    func tolerates(_ taint: Taint) -> Bool {
        if !effect.isEmpty && effect != taint.effect { return false }
        if !key.isEmpty && key != taint.key { return false }
        switch op {
        case "Exists": return true
        case "Equal", "": return value == taint.value
        default: return false
        }
    }
}

extension Array where Element == Toleration {
    func tolerate(_ taint: Taint) -> Bool { contains { $0.tolerates(taint) } }

    /// The first taint that blocks scheduling and is not tolerated.
    func firstUntolerated(in taints: [Taint]) -> Taint? {
        taints.first { $0.blocksScheduling && !tolerate($0) }
    }
}
