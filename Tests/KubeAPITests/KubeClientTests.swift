import ControlPlaneStore
import Core
import Foundation
import KubeAPI
import Testing

/// A running control plane on a real embedded datastore, for tests of in-process clients.
struct PlaneFixture {
    let planes: HostedControlPlanes
    let plane: HostedControlPlane
    let clock: SimulatedClock

    static func with(_ body: (PlaneFixture) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hm-plane-\(UUIDv4.make())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = SimulatedClock(mode: .manual)
        let datastore = try SQLiteDatastore.open(path: "\(directory)/datastore.sqlite", clock: clock)
        let planes = HostedControlPlanes(clock: clock, pkiRoot: directory)
        try await planes.start(clusterUID: "c1", kubernetesVersion: "1.33.4", datastore: datastore)
        let plane = try #require(await planes.controlPlane("c1"))
        try await body(PlaneFixture(planes: planes, plane: plane, clock: clock))
        await planes.stop(clusterUID: "c1")
        try await datastore.close()
    }

    static func pod(_ name: String, namespace: String = "default", node: String? = nil) -> JSON {
        var spec: JSON = ["containers": [["name": "app", "image": "nginx"]]]
        if let node { spec["nodeName"] = .string(node) }
        return ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name), "namespace": .string(namespace)], "spec": spec]
    }
}

@Suite struct KubeClientTests {
    @Test("the in-process client creates, binds and lists through the API's own rules")
    func bindAndList() async throws {
        try await PlaneFixture.with { fixture in
            let scheduler = KubeClient(plane: fixture.plane, user: KubeClient.serviceUser("scheduler"))
            let created = try await scheduler.create(.pods, namespace: "default", PlaneFixture.pod("web"))
            #expect(created[path: ["metadata", "uid"]]?.stringValue?.isEmpty == false)
            #expect(created[path: ["spec", "nodeName"]] == nil)

            try await scheduler.bind(namespace: "default", pod: "web", node: "node-a")
            let bound = try await scheduler.get(.pods, namespace: "default", "web")
            #expect(bound[path: ["spec", "nodeName"]]?.stringValue == "node-a")

            // A second binding is refused as upstream does; the pod stays where it is.
            await #expect(throws: KubeError.self) { try await scheduler.bind(namespace: "default", pod: "web", node: "node-b") }
            let onA = try await scheduler.list(.pods, fieldSelector: "spec.nodeName=node-a")
            #expect(onA.items.map { $0[path: ["metadata", "name"]]?.stringValue } == ["web"])
            #expect(try await scheduler.list(.pods, fieldSelector: "spec.nodeName=node-b").items.isEmpty)

            // Errors arrive as the Status a remote client would see.
            do {
                _ = try await scheduler.get(.pods, namespace: "default", "missing")
                Issue.record("expected NotFound")
            } catch let error as KubeError {
                #expect(error.code == 404 && error.reason == "NotFound")
            }
            #expect(try await scheduler.find(.pods, namespace: "default", "missing") == nil)
        }
    }

    @Test("a status update changes only the status, and a stale resourceVersion is a conflict")
    func statusAndConflict() async throws {
        try await PlaneFixture.with { fixture in
            let kubelet = KubeClient(plane: fixture.plane, user: KubeClient.nodeUser("node-a"))
            let pod = try await kubelet.create(.pods, namespace: "default", PlaneFixture.pod("web", node: "node-a"))
            var running = pod
            running["status"] = ["phase": "Running"]
            running[path: ["spec", "nodeName"]] = "elsewhere"
            let updated = try await kubelet.updateStatus(.pods, namespace: "default", running)
            #expect(updated[path: ["status", "phase"]]?.stringValue == "Running")
            #expect(updated[path: ["spec", "nodeName"]]?.stringValue == "node-a")
            await #expect(throws: KubeError.self) { _ = try await kubelet.updateStatus(.pods, namespace: "default", running) }
        }
    }

    @Test("a watch through the client sees changes after the listed revision, filtered")
    func watch() async throws {
        try await PlaneFixture.with { fixture in
            let client = KubeClient(plane: fixture.plane, user: KubeClient.serviceUser("test"))
            let start = try await client.list(.pods, fieldSelector: "spec.nodeName=node-a")
            let changes = try await client.watch(.pods, after: start.resourceVersion, fieldSelector: "spec.nodeName=node-a")
            _ = try await client.create(.pods, namespace: "default", PlaneFixture.pod("other", node: "node-b"))
            _ = try await client.create(.pods, namespace: "default", PlaneFixture.pod("mine", node: "node-a"))
            var iterator = changes.makeAsyncIterator()
            let first = try #require(try await iterator.next())
            #expect(first.type == "ADDED")
            #expect(first.object[path: ["metadata", "name"]]?.stringValue == "mine")
        }
    }
}

@Suite struct KubeClientNodeStatusTests {
    @Test("a status PUT carrying only the name and the status replaces the node's status")
    func nodeStatusWithoutResourceVersion() async throws {
        try await PlaneFixture.with { fixture in
            let kubelet = KubeClient(plane: fixture.plane, user: KubeClient.nodeUser("n1"))
            let status: JSON = ["conditions": [["type": "Ready", "status": "True", "reason": "KubeletReady"]], "capacity": ["cpu": "2"]]
            _ = try await kubelet.create(.nodes, ["apiVersion": "v1", "kind": "Node", "metadata": ["name": "n1"], "status": status])
            _ = try await kubelet.updateStatus(.nodes, ["metadata": ["name": "n1"], "status": status])
            var changed = status
            changed["capacity"] = ["cpu": "4"]
            let written = try await kubelet.updateStatus(.nodes, ["metadata": ["name": "n1"], "status": changed])
            #expect(written[path: ["status", "capacity", "cpu"]]?.stringValue == "4")
            let read = try await kubelet.get(.nodes, "n1")
            #expect(read[path: ["status", "conditions"]]?.arrayValue?.count == 1)
            #expect(read[path: ["status", "capacity", "cpu"]]?.stringValue == "4")
        }
    }
}
