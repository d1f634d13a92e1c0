import ControlPlaneStore
import Testing

/// Conformance: keys, revisions and range reads.
@Suite("Datastore: keys and ranges")
struct DatastoreKeyValueTests {
    @Test("a put is read back with its value", arguments: DatastoreBackend.all)
    func putGet(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            #expect(try await store.get("/registry/pods/a") == nil)
            try await store.put("/registry/pods/a", "one")
            #expect(try await store.value("/registry/pods/a") == "one")
        }
    }

    @Test("create and mod revisions and version follow etcd", arguments: DatastoreBackend.all)
    func revisionsAndVersion(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            let created = try await store.put("k", "v1")
            var kv = try #require(try await store.get("k"))
            #expect(kv.createRevision == created && kv.modRevision == created && kv.version == 1)

            let updated = try await store.put("k", "v2")
            kv = try #require(try await store.get("k"))
            #expect(kv.createRevision == created && kv.modRevision == updated && kv.version == 2)

            try await store.delete("k")
            let recreated = try await store.put("k", "v3")
            kv = try #require(try await store.get("k"))
            #expect(kv.createRevision == recreated && kv.modRevision == recreated && kv.version == 1)
        }
    }

    @Test("every write makes a strictly newer revision", arguments: DatastoreBackend.all)
    func revisionsIncrease(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            var last = try await store.currentRevision()
            for i in 0..<5 {
                let revision = try await store.put("k\(i % 2)", "v\(i)")
                #expect(revision > last)
                #expect(try await store.currentRevision() == revision)
                last = revision
            }
            let deleted = try await store.delete("k0")
            #expect(deleted > last)
        }
    }

    @Test("a txn writing several keys makes one revision", arguments: DatastoreBackend.all)
    func oneRevisionPerTxn(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            let response = try await store.txn(
                TxnRequest(success: [.put(key: "a", value: "1".bytes), .put(key: "b", value: "2".bytes)]))
            #expect(try await store.get("a")?.modRevision == response.revision)
            #expect(try await store.get("b")?.modRevision == response.revision)
            let unchanged = try await store.txn(TxnRequest(success: [.range(RangeRequest(key: "a"))]))
            #expect(unchanged.revision == response.revision)
        }
    }

    @Test("a prefix range is sorted, limited, and counts every key", arguments: DatastoreBackend.all)
    func prefixRange(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            for name in ["c", "a", "b", "d"] {
                try await store.put("/registry/pods/default/\(name)", name)
            }
            try await store.put("/registry/pods0", "outside")
            try await store.put("/registry/services/x", "outside")

            let all = try await store.range(.prefix("/registry/pods/"))
            #expect(all.kvs.map(\.key) == ["a", "b", "c", "d"].map { "/registry/pods/default/\($0)" })
            #expect(all.count == 4 && !all.more)
            #expect(all.revision == (try await store.currentRevision()))

            let page = try await store.range(.prefix("/registry/pods/", limit: 2))
            #expect(page.kvs.map(\.key) == ["/registry/pods/default/a", "/registry/pods/default/b"])
            #expect(page.count == 4 && page.more)

            let counted = try await store.range(.prefix("/registry/pods/", countOnly: true))
            #expect(counted.kvs.isEmpty && counted.count == 4)

            let between = try await store.range(
                RangeRequest(key: "/registry/pods/default/b", rangeEnd: "/registry/pods/default/d"))
            #expect(between.kvs.map(\.value) == ["b".bytes, "c".bytes])
        }
    }

    @Test("a read at an old revision sees the history", arguments: DatastoreBackend.all)
    func readHistory(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            let first = try await store.put("k", "v1")
            let second = try await store.put("k", "v2")
            let gone = try await store.delete("k")
            try await store.put("other", "x")

            #expect(try await store.value("k", revision: first) == "v1")
            #expect(try await store.value("k", revision: second) == "v2")
            #expect(try await store.get("k", revision: gone) == nil)
            #expect(try await store.get("k") == nil)
            let old = try await store.range(.prefix("", revision: second))
            #expect(old.kvs.map(\.key) == ["k"])
        }
    }

    @Test("a read above the newest revision fails with futureRevision", arguments: DatastoreBackend.all)
    func futureRevision(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            let current = try await store.put("k", "v")
            await #expect(throws: DatastoreError.futureRevision(requested: current + 10, current: current)) {
                _ = try await store.range(RangeRequest(key: "k", revision: current + 10))
            }
        }
    }

    @Test("deleting a range returns the deleted keys", arguments: DatastoreBackend.all)
    func deleteRange(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            try await store.put("/a/1", "one")
            try await store.put("/a/2", "two")
            try await store.put("/b/1", "other")
            let response = try await store.txn(
                TxnRequest(success: [.delete(key: "/a/", rangeEnd: KeyRange.prefixEnd("/a/"))]))
            guard case .delete(let deleted) = try #require(response.results.first) else {
                Issue.record("expected a delete result")
                return
            }
            #expect(deleted.map(\.key) == ["/a/1", "/a/2"])
            #expect(deleted.map(\.value) == ["one".bytes, "two".bytes])
            #expect(try await store.range(.prefix("/a/")).count == 0)
            #expect(try await store.value("/b/1") == "other")
        }
    }
}
