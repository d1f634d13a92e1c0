import ControlPlaneStore
import Testing

/// Conformance: compaction, snapshot and restore.
@Suite("Datastore: compaction and snapshots")
struct DatastoreCompactionTests {
    @Test("compaction forgets old revisions and keeps the newest values", arguments: DatastoreBackend.all)
    func compaction(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            let first = try await store.put("a", "1")
            try await store.put("a", "2")
            try await store.put("b", "1")
            try await store.delete("b")
            let point = try await store.put("c", "1")
            let after = try await store.put("a", "3")

            try await store.compact(revision: point)
            #expect(try await store.compactedRevision() == point)
            await #expect(throws: DatastoreError.compacted(compactRevision: point)) {
                _ = try await store.range(RangeRequest(key: "a", revision: first))
            }
            let watcher = WatchRecorder(store.watch(WatchRequest(key: "a", afterRevision: first)))
            #expect(try await watcher.failure() as? DatastoreError == .compacted(compactRevision: point))

            #expect(try await store.value("a", revision: point) == "2")
            #expect(try await store.value("a") == "3")
            #expect(try await store.value("c") == "1")
            #expect(try await store.get("b") == nil)
            #expect(try await store.range(.prefix("")).kvs.map(\.key) == ["a", "c"])

            let fromPoint = WatchRecorder(store.watch(WatchRequest(key: "a", afterRevision: point, prevKV: true)))
            let events = try await fromPoint.first(1)
            #expect(events[0].kv.modRevision == after && events[0].prevKV?.value == "2".bytes)
        }
    }

    @Test("a snapshot restores to the same keys, values and revision", arguments: DatastoreBackend.all)
    func snapshotRestore(backend: DatastoreBackend) async throws {
        try await backend.withFixture { fixture in
            let store = try await fixture.open()
            for i in 0..<10 { try await store.put("/registry/k\(i)", "v\(i)") }
            try await store.delete("/registry/k3")
            let revision = try await store.currentRevision()
            try await store.snapshot(to: fixture.snapshotPath)
            try await store.put("/registry/after", "not in the snapshot")
            let original = try await store.range(
                RangeRequest(key: "/registry/", rangeEnd: "/registry0", revision: revision))

            let restored = try await fixture.restore(from: fixture.snapshotPath)
            #expect(try await restored.currentRevision() == revision)
            #expect(try await restored.range(.prefix("/registry/")).kvs == original.kvs)
            #expect(try await restored.get("/registry/after") == nil)
            #expect(try await restored.put("/registry/new", "x") > revision)
        }
    }
}
