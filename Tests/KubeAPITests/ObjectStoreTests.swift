import ControlPlaneStore
import Core
import Foundation
import KubeAPI
import Testing

/// The storage layer of the hosted API on a real embedded datastore.
@Suite struct ObjectStoreTests {
    let configMaps = ResourceCatalog.type(group: "", version: "v1", resource: "configmaps")!

    func withStore(_ body: (ObjectStore) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hm-objects-\(UUIDv4.make())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let datastore = try SQLiteDatastore.open(path: "\(directory)/datastore.sqlite", clock: SimulatedClock(mode: .manual))
        try await body(ObjectStore(datastore: datastore))
        try await datastore.close()
    }

    func configMap(_ name: String, _ labels: [String: String] = [:]) -> JSON {
        ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "namespace": "default", "labels": .object(labels.mapValues { .string($0) })]]
    }

    @Test("resourceVersion is the revision, and an update from a stale one is a 409 Conflict")
    func optimisticConcurrency() async throws {
        try await withStore { store in
            let ref = ObjectReference(configMaps, namespace: "default", name: "a")
            let created = try await store.create(ref, configMap("a"))
            let revision = ObjectStore.revision(of: created)
            #expect(revision > 0)
            var changed = created
            changed["data"] = ["k": "v"]
            let updated = try await store.update(ref, changed, expected: revision)
            #expect(ObjectStore.revision(of: updated) > revision)
            let conflict = await #expect(throws: KubeError.self) { try await store.update(ref, changed, expected: revision) }
            #expect(conflict?.code == 409 && conflict?.reason == "Conflict")
            let taken = await #expect(throws: KubeError.self) { try await store.create(ref, configMap("a")) }
            #expect(taken?.code == 409 && taken?.reason == "AlreadyExists")
            #expect(try await store.get(ref)["data"] == ["k": "v"])
        }
    }

    @Test("lists page with continue tokens read at the first page's revision")
    func pagination() async throws {
        try await withStore { store in
            for index in 0..<5 { try await store.create(ObjectReference(configMaps, namespace: "default", name: "cm\(index)"), configMap("cm\(index)")) }
            let first = try await store.list(configMaps, namespace: "default", limit: 2)
            #expect(first.items.map(ObjectMeta.name) == ["cm0", "cm1"])
            let token = try #require(first.continueToken)
            try await store.create(ObjectReference(configMaps, namespace: "default", name: "cm9"), configMap("cm9"))
            var names = first.items.map(ObjectMeta.name)
            var next: String? = token
            while let current = next {
                let page = try await store.list(configMaps, namespace: "default", limit: 2, continueToken: current)
                #expect(page.resourceVersion == first.resourceVersion)
                names += page.items.map(ObjectMeta.name)
                next = page.continueToken
            }
            #expect(names == ["cm0", "cm1", "cm2", "cm3", "cm4"])
            await #expect(throws: KubeError.self) { try await store.list(configMaps, namespace: "default", limit: 2, continueToken: "garbage") }
        }
    }

    @Test("a filtered watch sees objects enter the selection as ADDED and leave it as DELETED")
    func watchWithSelector() async throws {
        try await withStore { store in
            let ref = ObjectReference(configMaps, namespace: "default", name: "w")
            // Revision 0 means "from now" to a datastore; a hosted cluster never lists at 0
            // (its managed objects exist from the start), so neither does this test.
            try await store.create(ObjectReference(configMaps, namespace: "default", name: "seed"), configMap("seed"))
            let start = try await store.list(configMaps, namespace: "default").resourceVersion
            #expect(start > 0)
            let changes = store.watch(configMaps, namespace: "default", afterRevision: start) { ObjectMeta.labels($0)["app"] == "web" }
            let created = try await store.create(ref, configMap("w", ["app": "db"]))
            var web = created
            web[path: ["metadata", "labels", "app"]] = "web"
            let moved = try await store.update(ref, web, expected: ObjectStore.revision(of: created))
            var edited = moved
            edited["data"] = ["x": "y"]
            let touched = try await store.update(ref, edited, expected: ObjectStore.revision(of: moved))
            try await store.delete(ref, expected: ObjectStore.revision(of: touched))
            var seen: [String] = []
            for try await change in changes {
                seen.append(change.type)
                if seen.count == 3 { break }
            }
            #expect(seen == ["ADDED", "MODIFIED", "DELETED"])
        }
    }
}
