import Foundation
import KubeAPI

/// The `status` a kubelet writes for each stage action.
enum PodStatus {
    static func containerCreating(_ pod: JSON, hostIP: String, now: Date) -> JSON {
        let hasInit = !initContainers(pod).isEmpty
        let waitingReason = hasInit ? "PodInitializing" : "ContainerCreating"
        var status = base(pod, hostIP: hostIP, now: now, phase: "Pending")
        status["conditions"] = conditions(
            pod, now: now,
            states: [
                ("PodReadyToStartContainers", false, nil), ("Initialized", !hasInit, "ContainersNotInitialized"),
                ("Ready", false, "ContainersNotReady"), ("ContainersReady", false, "ContainersNotReady"), ("PodScheduled", true, nil),
            ])
        status["containerStatuses"] = .array(containers(pod).map { waiting($0, pod: pod, reason: waitingReason) })
        if hasInit {
            status["initContainerStatuses"] = .array(initContainers(pod).map { waiting($0, pod: pod, reason: "PodInitializing") })
        }
        return status
    }

    static func running(_ pod: JSON, hostIP: String, podIP: String, now: Date) -> JSON {
        var status = base(pod, hostIP: hostIP, now: now, phase: "Running")
        status["podIP"] = .string(podIP)
        status["podIPs"] = [["ip": .string(podIP)]]
        status["conditions"] = conditions(
            pod, now: now,
            states: [
                ("PodReadyToStartContainers", true, nil), ("Initialized", true, nil), ("Ready", true, nil),
                ("ContainersReady", true, nil), ("PodScheduled", true, nil),
            ])
        let started = ObjectMeta.timestamp(now)
        status["containerStatuses"] = .array(
            containers(pod).map { container in
                var entry = identity(container, pod: pod)
                entry["state"] = ["running": ["startedAt": .string(started)]]
                entry["ready"] = true
                entry["started"] = true
                return entry
            })
        if !initContainers(pod).isEmpty {
            status["initContainerStatuses"] = .array(initContainers(pod).map { terminated($0, pod: pod, now: now) })
        }
        return status
    }

    /// Containers stopped after the termination grace period (SIGTERM honoured, exit 0).
    static func stopped(_ pod: JSON, now: Date) -> JSON {
        var status = pod["status"] ?? [:]
        status["phase"] = "Succeeded"
        status["conditions"] = conditions(
            pod, now: now,
            states: [
                ("PodReadyToStartContainers", false, nil), ("Initialized", true, nil), ("Ready", false, "PodCompleted"),
                ("ContainersReady", false, "PodCompleted"), ("PodScheduled", true, nil),
            ])
        status["containerStatuses"] = .array(containers(pod).map { terminated($0, pod: pod, now: now) })
        return status
    }

    // MARK: Parts

    static func containers(_ pod: JSON) -> [JSON] { pod[path: ["spec", "containers"]]?.arrayValue ?? [] }
    static func initContainers(_ pod: JSON) -> [JSON] { pod[path: ["spec", "initContainers"]]?.arrayValue ?? [] }

    private static func base(_ pod: JSON, hostIP: String, now: Date, phase: String) -> JSON {
        var status: JSON = [
            "phase": .string(phase), "hostIP": .string(hostIP), "hostIPs": [["ip": .string(hostIP)]], "qosClass": .string(qosClass(pod)),
            "startTime": pod[path: ["status", "startTime"]] ?? .string(ObjectMeta.timestamp(now)),
        ]
        if let podIP = pod[path: ["status", "podIP"]] { status["podIP"] = podIP }
        if let podIPs = pod[path: ["status", "podIPs"]] { status["podIPs"] = podIPs }
        return status
    }

    /// Conditions in upstream's order; transition times kept while a condition's status is unchanged.
    private static func conditions(_ pod: JSON, now: Date, states: [(type: String, ok: Bool, reason: String?)]) -> JSON {
        let previous = pod[path: ["status", "conditions"]]?.arrayValue ?? []
        return .array(
            states.map { state in
                let status = state.ok ? "True" : "False"
                let old = previous.first { $0["type"]?.stringValue == state.type }
                var since: JSON?
                if old?["status"]?.stringValue == status { since = old?["lastTransitionTime"] }
                var condition: JSON = [
                    "type": .string(state.type), "status": .string(status), "lastProbeTime": nil,
                    "lastTransitionTime": since ?? .string(ObjectMeta.timestamp(now)),
                ]
                if let reason = state.reason, !state.ok { condition["reason"] = .string(reason) }
                return condition
            })
    }

    private static func identity(_ container: JSON, pod: JSON) -> JSON {
        let name = container["name"]?.stringValue ?? ""
        let image = container["image"]?.stringValue ?? ""
        let uid = pod[path: ["metadata", "uid"]]?.stringValue ?? ObjectMeta.name(pod)
        let repository = image.split(separator: "@").first.map { $0.split(separator: ":").first.map(String.init) ?? "" } ?? image
        return [
            "name": .string(name), "image": .string(image), "restartCount": 0,
            "imageID": .string("\(repository)@sha256:\(StableID.hex("image/\(image)", length: 64))"),
            "containerID": .string("containerd://\(StableID.hex("container/\(uid)/\(name)", length: 64))"),
        ]
    }

    private static func waiting(_ container: JSON, pod: JSON, reason: String) -> JSON {
        var entry = identity(container, pod: pod)
        entry["containerID"] = nil
        entry["imageID"] = ""
        entry["state"] = ["waiting": ["reason": .string(reason)]]
        entry["ready"] = false
        entry["started"] = false
        return entry
    }

    private static func terminated(_ container: JSON, pod: JSON, now: Date) -> JSON {
        var entry = identity(container, pod: pod)
        let started = pod[path: ["status", "startTime"]] ?? .string(ObjectMeta.timestamp(now))
        entry["state"] = [
            "terminated": ["exitCode": 0, "reason": "Completed", "startedAt": started, "finishedAt": .string(ObjectMeta.timestamp(now))]
        ]
        entry["ready"] = false
        entry["started"] = false
        return entry
    }

    /// Guaranteed when every container's cpu and memory limits equal its requests, BestEffort
    /// when none sets any, Burstable otherwise (upstream's rule, simplified to cpu and memory).
    static func qosClass(_ pod: JSON) -> String {
        let all = containers(pod) + initContainers(pod)
        let resources = all.map { ($0[path: ["resources", "requests"]]?.objectValue ?? [:], $0[path: ["resources", "limits"]]?.objectValue ?? [:]) }
        if resources.allSatisfy({ $0.0.isEmpty && $0.1.isEmpty }) { return "BestEffort" }
        let guaranteed = resources.allSatisfy { requests, limits in
            ["cpu", "memory"].allSatisfy { key in limits[key] != nil && (requests[key] == nil || requests[key] == limits[key]) }
        }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}
