import ControlPlaneStore
import Core
import Testing

/// Conformance: watches from a revision, history then live.
@Suite("Datastore: watch")
struct DatastoreWatchTests {
    @Test("a watch from a revision replays history then live events, in order", arguments: DatastoreBackend.all)
    func historyThenLive(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            // afterRevision 0 means "from now", so history starts after a first write.
            let start = try await store.put("/elsewhere", "x")
            let created = try await store.put("/w/a", "1")
            try await store.put("/w/a", "2")
            try await store.delete("/w/a")

            let watcher = WatchRecorder(store.watch(.prefix("/w/", afterRevision: start, prevKV: true)))
            let history = try await watcher.first(3)
            #expect(history.map(\.kind) == [.put, .put, .delete])
            #expect(history[0].prevKV == nil)
            #expect(history[1].prevKV?.value == "1".bytes)
            #expect(history[2].prevKV?.value == "2".bytes)
            #expect(history[2].kv.key == "/w/a")
            #expect(history[1].kv.createRevision == created && history[1].kv.version == 2)

            let live = try await store.put("/w/b", "3")
            let events = try await watcher.first(4)
            #expect(events[3].kind == .put && events[3].kv.key == "/w/b" && events[3].kv.modRevision == live)
            let revisions = events.map(\.kv.modRevision)
            #expect(revisions == revisions.sorted() && Set(revisions).count == revisions.count)
        }
    }

    @Test("a watch sees every event exactly once while writes race its catch-up", arguments: DatastoreBackend.all)
    func noGapsDuringCatchUp(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            let start = try await store.put("/elsewhere", "x")
            for i in 0..<20 { try await store.put("/race/k\(i % 3)", "\(i)") }
            let writer = Task {
                for i in 20..<60 { try await store.put("/race/k\(i % 3)", "\(i)") }
            }
            let watcher = WatchRecorder(store.watch(.prefix("/race/", afterRevision: start)))
            try await writer.value
            let events = try await watcher.first(60)
            #expect(events.map { String(decoding: $0.kv.value, as: UTF8.self) } == (0..<60).map(String.init))
            let revisions = events.map(\.kv.modRevision)
            #expect(revisions == revisions.sorted() && Set(revisions).count == 60)
        }
    }

    @Test("a prefix watch ignores other keys", arguments: DatastoreBackend.all)
    func prefixOnly(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            let start = try await store.put("/mine/old", "before the watch")
            let watcher = WatchRecorder(store.watch(.prefix("/mine/", afterRevision: start)))
            let single = WatchRecorder(store.watch(WatchRequest(key: "/mine/exact", afterRevision: start)))
            try await store.put("/other/x", "ignored")
            try await store.put("/mine0", "ignored: outside the prefix")
            try await store.put("/mine/exact", "seen")
            try await store.put("/mine/y", "seen")
            let events = try await watcher.first(2)
            #expect(events.map(\.kv.key) == ["/mine/exact", "/mine/y"])
            #expect(events.allSatisfy { $0.prevKV == nil })
            #expect(try await single.first(1).map(\.kv.key) == ["/mine/exact"])
            #expect(single.events.count == 1)
        }
    }

    @Test("a watch after revision 0 sends only events from now on", arguments: DatastoreBackend.all)
    func liveOnly(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            try await store.put("/live/old", "before the watch")
            let watcher = WatchRecorder(store.watch(.prefix("/live/")))
            // The watch starts asynchronously: write until it reports something.
            let deadline = SystemClock().now().addingTimeInterval(10)
            while watcher.events.isEmpty && SystemClock().now() < deadline {
                try await store.put("/live/new", "after")
                try await SystemClock().sleep(seconds: 0.01)
            }
            let events = try await watcher.first(1)
            #expect(events.allSatisfy { $0.kv.key == "/live/new" })
        }
    }

    @Test("after a restart a watch from an old revision still replays", arguments: DatastoreBackend.all)
    func watchAfterRestart(backend: DatastoreBackend) async throws {
        try await backend.withFixture { fixture in
            let store = try await fixture.open()
            try await store.put("/elsewhere", "x")
            let first = try await store.put("k", "1")
            let second = try await store.put("k", "2")
            try await store.close()
            await #expect(throws: DatastoreError.closed) { _ = try await store.currentRevision() }

            let reopened = try await fixture.open()
            #expect(try await reopened.currentRevision() == second)
            #expect(try await reopened.value("k") == "2")
            let watcher = WatchRecorder(reopened.watch(WatchRequest(key: "k", afterRevision: first - 1)))
            #expect(try await watcher.first(2).map(\.kv.modRevision) == [first, second])
            let third = try await reopened.put("k", "3")
            #expect(third > second)
            #expect(try await watcher.first(3).last?.kv.modRevision == third)
        }
    }

    @Test("closing the datastore ends its watches and refuses calls", arguments: DatastoreBackend.all)
    func closeEndsWatches(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            let start = try await store.put("k", "1")
            let watcher = WatchRecorder(store.watch(WatchRequest(key: "k", afterRevision: start)))
            try await store.put("k", "2")
            #expect(try await watcher.first(1).count == 1)
            try await store.close()
            #expect(try await watcher.failure() as? DatastoreError == .closed)
            await #expect(throws: DatastoreError.closed) { try await store.put("k", "3") }
            let late = WatchRecorder(store.watch(WatchRequest(key: "k")))
            #expect(try await late.failure() as? DatastoreError == .closed)
        }
    }
}
