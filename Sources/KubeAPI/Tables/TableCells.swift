import Foundation

/// The `.computed(name)` cells of `ResourceCatalog`: kubectl printer logic (pkg/printers) for the
/// columns that are not a plain field, keyed by the name the catalog uses.
enum TableCells {
    typealias Compute = @Sendable (_ object: JSON, _ now: Date) -> JSON

    static let functions: [String: Compute] = [
        "nodeStatus": { object, _ in .string(nodeStatus(object)) },
        "nodeRoles": { object, _ in text(nodeRoles(object)) },
        "nodeInternalIP": { object, _ in text(nodeAddress(object, type: "InternalIP")) },
        "nodeExternalIP": { object, _ in text(nodeAddress(object, type: "ExternalIP")) },
        "podReady": { object, _ in .string(podReady(object)) },
        "podStatus": { object, _ in .string(podStatus(object)) },
        "podRestarts": { object, _ in .int(podRestarts(object)) },
        "podReadinessGates": { object, _ in text(podReadinessGates(object)) },
        "serviceExternalIP": { object, _ in .string(serviceExternalIP(object)) },
        "servicePorts": { object, _ in text(servicePorts(object)) },
        "serviceSelector": { object, _ in text(formatLabels(object[path: ["spec", "selector"]])) },
        "dataCount": { object, _ in
            .int(Int64(TableRenderer.count(object["data"]) + TableRenderer.count(object["binaryData"])))
        },
        "eventLastSeen": { object, now in .string(eventLastSeen(object, now: now)) },
        "eventObject": { object, _ in .string(eventObject(object)) },
        "containerNames": { object, _ in text(containers(object).compactMap { $0["name"]?.stringValue }.joined(separator: ",")) },
        "containerImages": { object, _ in text(containers(object).compactMap { $0["image"]?.stringValue }.joined(separator: ",")) },
        "labelSelector": { object, _ in text(formatLabelSelector(object[path: ["spec", "selector"]])) },
        "nodeSelector": { object, _ in text(formatLabels(object[path: ["spec", "template", "spec", "nodeSelector"]])) },
        "bindingRole": { object, _ in .string(bindingRole(object)) },
        "bindingUsers": { object, _ in .string(subjects(object, kind: "User").joined(separator: ", ")) },
        "bindingGroups": { object, _ in .string(subjects(object, kind: "Group").joined(separator: ", ")) },
        "bindingServiceAccounts": { object, _ in .string(subjects(object, kind: "ServiceAccount").joined(separator: ", ")) },
    ]

    /// A text cell, `<none>` when empty.
    static func text(_ value: String) -> JSON { value.isEmpty ? TableRenderer.none : .string(value) }

    static func items(_ value: JSON?) -> [JSON] { value?.arrayValue ?? [] }

    // MARK: Nodes

    /// `Ready`, `NotReady` or `Unknown` from the Ready condition, plus `SchedulingDisabled` when cordoned.
    static func nodeStatus(_ node: JSON) -> String {
        var status: [String] = []
        if let ready = items(node[path: ["status", "conditions"]]).first(where: { $0["type"]?.stringValue == "Ready" }) {
            status.append(ready["status"]?.stringValue == "True" ? "Ready" : "NotReady")
        } else {
            status.append("Unknown")
        }
        if node[path: ["spec", "unschedulable"]]?.boolValue == true { status.append("SchedulingDisabled") }
        return status.joined(separator: ",")
    }

    /// Roles from `node-role.kubernetes.io/<role>` labels and the `kubernetes.io/role` label, sorted.
    static func nodeRoles(_ node: JSON) -> String {
        var roles = Set<String>()
        for (key, value) in node[path: ["metadata", "labels"]]?.objectValue ?? [:] {
            if key.hasPrefix("node-role.kubernetes.io/") {
                let role = String(key.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.insert(role) }
            } else if key == "kubernetes.io/role", let role = value.stringValue, !role.isEmpty {
                roles.insert(role)
            }
        }
        return roles.sorted().joined(separator: ",")
    }

    static func nodeAddress(_ node: JSON, type: String) -> String {
        items(node[path: ["status", "addresses"]]).first { $0["type"]?.stringValue == type }?["address"]?.stringValue ?? ""
    }

    // MARK: Pods

    /// `ready/total`: running and ready containers over the containers in the spec.
    static func podReady(_ pod: JSON) -> String {
        let total = items(pod[path: ["spec", "containers"]]).count
        let ready = items(pod[path: ["status", "containerStatuses"]]).filter {
            $0["ready"]?.boolValue == true && $0[path: ["state", "running"]] != nil
        }.count
        return "\(ready)/\(total)"
    }

    /// kubectl's pod status, simplified: an init container still working (`Init:0/1`,
    /// `Init:CrashLoopBackOff`), else the last container's waiting or terminated reason, else the
    /// phase; `Terminating` once deletion has been requested.
    static func podStatus(_ pod: JSON) -> String {
        var reason = pod[path: ["status", "reason"]]?.stringValue ?? pod[path: ["status", "phase"]]?.stringValue ?? "Unknown"
        let initStatuses = items(pod[path: ["status", "initContainerStatuses"]])
        let initCount = items(pod[path: ["spec", "initContainers"]]).count
        var initializing = false
        for (index, status) in initStatuses.enumerated() {
            if let terminated = status[path: ["state", "terminated"]] {
                if terminated["exitCode"]?.intValue ?? 0 == 0 { continue }
                let terminatedReason = terminated["reason"]?.stringValue ?? ""
                reason = "Init:" + (terminatedReason.isEmpty ? exitDescription(terminated) : terminatedReason)
            } else if let waiting = status[path: ["state", "waiting", "reason"]]?.stringValue, !waiting.isEmpty,
                waiting != "PodInitializing"
            {
                reason = "Init:" + waiting
            } else {
                reason = "Init:\(index)/\(initCount)"
            }
            initializing = true
            break
        }
        if !initializing {
            var hasRunning = false
            for status in items(pod[path: ["status", "containerStatuses"]]).reversed() {
                if let waiting = status[path: ["state", "waiting", "reason"]]?.stringValue, !waiting.isEmpty {
                    reason = waiting
                } else if let terminated = status[path: ["state", "terminated"]] {
                    let terminatedReason = terminated["reason"]?.stringValue ?? ""
                    reason = terminatedReason.isEmpty ? exitDescription(terminated) : terminatedReason
                } else if status["ready"]?.boolValue == true, status[path: ["state", "running"]] != nil {
                    hasRunning = true
                }
            }
            if reason == "Completed", hasRunning {
                let ready = items(pod[path: ["status", "conditions"]]).contains {
                    $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
                }
                reason = ready ? "Running" : "NotReady"
            }
        }
        if pod[path: ["metadata", "deletionTimestamp"]] != nil {
            reason = pod[path: ["status", "reason"]]?.stringValue == "NodeLost" ? "Unknown" : "Terminating"
        }
        return reason
    }

    static func exitDescription(_ terminated: JSON) -> String {
        if let signal = terminated["signal"]?.intValue, signal != 0 { return "Signal:\(signal)" }
        return "ExitCode:\(terminated["exitCode"]?.intValue ?? 0)"
    }

    /// Restarts of all containers, init containers included.
    static func podRestarts(_ pod: JSON) -> Int64 {
        (items(pod[path: ["status", "initContainerStatuses"]]) + items(pod[path: ["status", "containerStatuses"]]))
            .reduce(0) { $0 + ($1["restartCount"]?.intValue ?? 0) }
    }

    /// `true/total` readiness gates whose condition is True; empty when the pod has none.
    static func podReadinessGates(_ pod: JSON) -> String {
        let gates = items(pod[path: ["spec", "readinessGates"]]).compactMap { $0["conditionType"]?.stringValue }
        guard !gates.isEmpty else { return "" }
        let conditions = items(pod[path: ["status", "conditions"]])
        let passing = gates.filter { gate in
            conditions.contains { $0["type"]?.stringValue == gate && $0["status"]?.stringValue == "True" }
        }
        return "\(passing.count)/\(gates.count)"
    }
}
