import Foundation
import KubeAPI
import Synchronization

/// Writes core/v1 Events about objects, as upstream's recorders do (`kubectl describe` and
/// `kubectl get events` show them). Failures to record are ignored: events are best effort.
final class EventRecorder: Sendable {
    let client: KubeClient
    let component: String
    private let sequence = Mutex<UInt64>(0)

    init(client: KubeClient, component: String) {
        self.client = client
        self.component = component
    }

    func record(_ object: JSON, type: String = "Normal", reason: String, message: String, now: Date) async {
        let namespace = ObjectMeta.namespace(object).isEmpty ? "default" : ObjectMeta.namespace(object)
        let serial = sequence.withLock { value -> UInt64 in
            value += 1
            return value
        }
        let stamp = UInt64(max(0, now.timeIntervalSince1970 * 1_000_000_000)) &+ serial
        let time = JSON.string(ObjectMeta.timestamp(now))
        let event: JSON = [
            "apiVersion": "v1", "kind": "Event",
            "metadata": ["name": .string("\(ObjectMeta.name(object)).\(String(stamp, radix: 16))"), "namespace": .string(namespace)],
            "involvedObject": [
                "apiVersion": object["apiVersion"] ?? "v1", "kind": object["kind"] ?? "", "name": .string(ObjectMeta.name(object)),
                "namespace": .string(ObjectMeta.namespace(object)), "uid": object[path: ["metadata", "uid"]] ?? "",
                "resourceVersion": object[path: ["metadata", "resourceVersion"]] ?? "",
            ],
            "reason": .string(reason), "message": .string(message), "type": .string(type),
            "source": ["component": .string(component)], "reportingComponent": .string(component),
            "firstTimestamp": time, "lastTimestamp": time, "count": 1,
        ]
        _ = try? await client.create(.events, namespace: namespace, event)
    }
}
