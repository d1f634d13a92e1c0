import Foundation
import KubeAPI

/// The write a stage makes for one pod, run outside the host. Status writes carry the pod's
/// resourceVersion, so a pod replaced or changed meanwhile is never overwritten blindly.
struct PodWrite: Sendable {
    enum Outcome: Sendable {
        /// The status was written; the pod as stored now.
        case written(JSON)
        /// The pod is gone from the API.
        case deleted
        /// The pod had changed: its latest state (nil when it no longer exists).
        case stale(JSON?)
        case failed(KubeError)

        /// Whether the next stage may apply at once.
        var progressed: Bool {
            switch self {
            case .written, .stale: true
            case .deleted, .failed: false
            }
        }
    }

    let stage: PodStage
    let pod: JSON
    let client: KubeClient
    let hostIP: String
    let podIP: String?
    let now: Date

    func perform() async -> Outcome {
        let namespace = ObjectMeta.namespace(pod)
        let name = ObjectMeta.name(pod)
        let status: JSON
        switch stage.action {
        case .containerCreating: status = PodStatus.containerCreating(pod, hostIP: hostIP, now: now)
        case .running: status = PodStatus.running(pod, hostIP: hostIP, podIP: podIP ?? hostIP, now: now)
        case .stopContainers: status = PodStatus.stopped(pod, now: now)
        case .delete:
            do {
                let options: JSON = [
                    "apiVersion": "v1", "kind": "DeleteOptions", "gracePeriodSeconds": 0,
                    "preconditions": ["uid": pod[path: ["metadata", "uid"]] ?? ""],
                ]
                try await client.delete(.pods, namespace: namespace, name, options: options)
                return .deleted
            } catch where error.code == 404 {
                return .deleted
            } catch where error.code == 409 {
                return .deleted  // a new pod took the name: ours is gone
            } catch {
                return .failed(error)
            }
        }
        var updated = pod
        updated["status"] = status
        do {
            return .written(try await client.updateStatus(.pods, namespace: namespace, updated))
        } catch where error.code == 409 {
            do { return .stale(try await client.find(.pods, namespace: namespace, name)) } catch { return .failed(error) }
        } catch where error.code == 404 {
            return .stale(nil)
        } catch {
            return .failed(error)
        }
    }
}
