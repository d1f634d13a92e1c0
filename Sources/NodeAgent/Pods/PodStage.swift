import Foundation
import KubeAPI

/// One step of a pod's life on a node, as data (like kwok's `Stage` objects): which pods it
/// selects, after how long on the service clock, and what the kubelet then writes. A pod
/// moves through the table level-based: after each write the stage that selects its new
/// state (if any) applies next. DaemonSet and static pods go through the same stages.
public struct PodStage: Sendable, Equatable {
    /// What the kubelet does when the stage applies.
    public enum Action: String, Sendable, Equatable {
        /// Status Pending with containers waiting in `ContainerCreating` (`PodInitializing` with init containers).
        case containerCreating
        /// Status Running: init containers completed, containers running and ready, pod IP.
        case running
        /// Containers terminated (exit 0), the pod not ready: graceful termination done.
        case stopContainers
        /// DELETE with `gracePeriodSeconds: 0`, which removes the pod from the API.
        case delete
    }

    /// What the pod's `status.containerStatuses` must look like.
    public enum Containers: String, Sendable, Equatable {
        case unreported, allWaiting, notAllTerminated, allTerminated
    }

    public var name: String
    /// Selects pods with (true) or without (false) `metadata.deletionTimestamp`.
    public var deleting: Bool
    /// Selects pods in one of these phases; empty selects any phase.
    public var phases: Set<String>
    public var containers: Containers
    /// How long the pod must have been selected by this stage before it applies.
    public var delay: TimeInterval
    /// Needs a working container runtime (blocked by `containerdDown`).
    public var needsRuntime: Bool
    public var action: Action

    /// The stages every node agent runs, in order of precedence.
    public static func table(_ settings: NodeAgentSettings) -> [PodStage] {
        [
            PodStage(
                name: "pod-container-creating", deleting: false, phases: ["Pending"], containers: .unreported, delay: 0,
                needsRuntime: false, action: .containerCreating),
            PodStage(
                name: "pod-running", deleting: false, phases: ["Pending"], containers: .allWaiting, delay: settings.podStartDelay,
                needsRuntime: true, action: .running),
            PodStage(
                name: "pod-stop-containers", deleting: true, phases: [], containers: .notAllTerminated,
                delay: settings.podTerminationDelay, needsRuntime: true, action: .stopContainers),
            PodStage(name: "pod-delete", deleting: true, phases: [], containers: .allTerminated, delay: 0, needsRuntime: false, action: .delete),
        ]
    }

    /// Whether this stage selects `pod`.
    public func selects(_ pod: JSON) -> Bool {
        guard (pod[path: ["metadata", "deletionTimestamp"]] != nil) == deleting else { return false }
        if !phases.isEmpty, !phases.contains(pod[path: ["status", "phase"]]?.stringValue ?? "Pending") { return false }
        let states = (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? []).map { $0["state"] ?? [:] }
        let terminated = states.filter { $0["terminated"] != nil }.count
        switch containers {
        case .unreported: return states.isEmpty
        case .allWaiting: return !states.isEmpty && states.allSatisfy { $0["waiting"] != nil }
        case .notAllTerminated: return states.isEmpty || terminated < states.count
        case .allTerminated: return !states.isEmpty && terminated == states.count
        }
    }

    /// The first stage of `table` that selects `pod`, if any.
    static func first(in table: [PodStage], selecting pod: JSON) -> PodStage? {
        table.first { $0.selects(pod) }
    }
}
