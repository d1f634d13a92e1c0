import ControlPlaneStore
import Testing

/// Conformance: compare-and-swap transactions.
@Suite("Datastore: transactions")
struct DatastoreTxnTests {
    @Test("a CAS on the mod revision succeeds once and fails when stale", arguments: DatastoreBackend.all)
    func casModRevision(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            let revision = try await store.put("k", "v1")
            let swap = TxnRequest(
                compare: [.modRevision("k", .equal, revision)],
                success: [.put(key: "k", value: "v2".bytes)],
                failure: [.range(RangeRequest(key: "k"))])

            let won = try await store.txn(swap)
            #expect(won.succeeded)
            guard case .put(let previous) = try #require(won.results.first) else {
                Issue.record("expected a put result")
                return
            }
            #expect(previous?.value == "v1".bytes)

            let lost = try await store.txn(swap)
            #expect(!lost.succeeded)
            #expect(lost.revision == won.revision)
            guard case .range(let current) = try #require(lost.results.first) else {
                Issue.record("expected a range result")
                return
            }
            #expect(current.kvs.first?.value == "v2".bytes)
        }
    }

    @Test("create revision 0 means absent: create-if-missing", arguments: DatastoreBackend.all)
    func createIfAbsent(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { (store) async throws in
            let create = TxnRequest(
                compare: [.createRevision("k", .equal, 0)], success: [.put(key: "k", value: "first".bytes)])
            #expect(try await store.txn(create).succeeded)
            #expect(!(try await store.txn(create).succeeded))
            #expect(try await store.value("k") == "first")
            #expect(try await store.txn(TxnRequest(compare: [.version("k", .equal, 1)])).succeeded)
        }
    }

    @Test("value compares hold on present keys and fail on missing ones", arguments: DatastoreBackend.all)
    func valueCompare(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            try await store.put("k", "b")
            #expect(try await store.txn(TxnRequest(compare: [.value("k", .equal, "b".bytes)])).succeeded)
            #expect(try await store.txn(TxnRequest(compare: [.value("k", .greater, "a".bytes)])).succeeded)
            #expect(try await store.txn(TxnRequest(compare: [.value("k", .less, "c".bytes)])).succeeded)
            #expect(!(try await store.txn(TxnRequest(compare: [.value("k", .notEqual, "b".bytes)])).succeeded))
            #expect(!(try await store.txn(TxnRequest(compare: [.value("missing", .equal, [])])).succeeded))
        }
    }

    @Test("range steps inside a txn see the txn's earlier writes", arguments: DatastoreBackend.all)
    func rangeInTxn(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            try await store.put("/p/a", "1")
            let response = try await store.txn(
                TxnRequest(success: [.put(key: "/p/b", value: "2".bytes), .range(.prefix("/p/"))]))
            guard case .range(let read) = try #require(response.results.last) else {
                Issue.record("expected a range result")
                return
            }
            #expect(read.kvs.map(\.key) == ["/p/a", "/p/b"])
        }
    }

    @Test("concurrent CAS increments lose no update", arguments: DatastoreBackend.all)
    func concurrentCAS(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            try await store.put("counter", "0")
            let writers = 20
            let successes = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<writers {
                    group.addTask {
                        while true {
                            let kv = try #require(try await store.get("counter"))
                            let next = Int(String(decoding: kv.value, as: UTF8.self))! + 1
                            let response = try await store.txn(
                                TxnRequest(
                                    compare: [.modRevision("counter", .equal, kv.modRevision)],
                                    success: [.put(key: "counter", value: String(next).bytes)]))
                            if response.succeeded { return 1 }
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(successes == writers)
            #expect(try await store.value("counter") == String(writers))
            #expect(try await store.get("counter")?.version == Int64(writers + 1))
        }
    }
}
