import ControlPlaneStore
import Core
import Testing

/// Conformance: leases on the service clock (a manual simulated clock here).
@Suite("Datastore: leases")
struct DatastoreLeaseTests {
    @Test("keys of an expired lease are deleted and watchers see the deletes", arguments: DatastoreBackend.all)
    func expiry(backend: DatastoreBackend) async throws {
        let clock = SimulatedClock(mode: .manual)
        try await backend.withDatastore(clock: clock) { store in
            let lease = try await store.grantLease(ttl: 10)
            #expect(lease.ttl == 10 && lease.remaining == 10)
            try await store.put("/leased/a", "1", lease: lease.id)
            let start = try await store.put("/leased/b", "2", lease: lease.id)
            try await store.put("/kept", "3")
            #expect(try await store.get("/leased/a")?.lease == lease.id)
            let watcher = WatchRecorder(store.watch(.prefix("/leased/", afterRevision: start)))

            await clock.advance(by: 5)
            #expect(try await store.lease(lease.id)?.remaining == 5)
            await clock.advance(by: 6)

            let deletes = try await watcher.first(2)
            #expect(deletes.map(\.kind) == [.delete, .delete])
            #expect(Set(deletes.map(\.kv.key)) == ["/leased/a", "/leased/b"])
            #expect(deletes[0].kv.modRevision == deletes[1].kv.modRevision)
            #expect(try await store.range(.prefix("/leased/")).count == 0)
            #expect(try await store.value("/kept") == "3")
            #expect(try await store.lease(lease.id) == nil)
            await #expect(throws: DatastoreError.leaseNotFound(lease.id)) {
                _ = try await store.keepAlive(lease.id)
            }
        }
    }

    @Test("keep-alive extends a lease by its TTL", arguments: DatastoreBackend.all)
    func keepAlive(backend: DatastoreBackend) async throws {
        let clock = SimulatedClock(mode: .manual)
        try await backend.withDatastore(clock: clock) { store in
            let lease = try await store.grantLease(ttl: 10)
            try await store.put("k", "v", lease: lease.id)
            await clock.advance(by: 6)
            #expect(try await store.keepAlive(lease.id).remaining == 10)
            await clock.advance(by: 6)
            #expect(try await store.value("k") == "v")
            await clock.advance(by: 5)
            #expect(try await store.get("k") == nil)
        }
    }

    @Test("revoking a lease deletes its keys at once", arguments: DatastoreBackend.all)
    func revoke(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { store in
            let lease = try await store.grantLease(ttl: 60)
            try await store.put("k", "v", lease: lease.id)
            let before = try await store.currentRevision()
            try await store.revokeLease(lease.id)
            #expect(try await store.get("k") == nil)
            #expect(try await store.currentRevision() > before)
            #expect(try await store.lease(lease.id) == nil)
            await #expect(throws: DatastoreError.leaseNotFound(lease.id)) {
                try await store.revokeLease(lease.id)
            }
        }
    }

    @Test("a put on an unknown lease fails", arguments: DatastoreBackend.all)
    func unknownLease(backend: DatastoreBackend) async throws {
        try await backend.withDatastore { (store) async throws in
            await #expect(throws: DatastoreError.leaseNotFound(424_242)) {
                try await store.put("k", "v", lease: 424_242)
            }
            #expect(try await store.get("k") == nil)
        }
    }

    @Test("each expired lease deletes its keys in a revision of its own", arguments: DatastoreBackend.all)
    func oneRevisionPerExpiry(backend: DatastoreBackend) async throws {
        let clock = SimulatedClock(mode: .manual)
        try await backend.withDatastore(clock: clock) { store in
            let short = try await store.grantLease(ttl: 5)
            let long = try await store.grantLease(ttl: 8)
            try await store.put("/l/short", "1", lease: short.id)
            let start = try await store.put("/l/long", "2", lease: long.id)
            let watcher = WatchRecorder(store.watch(.prefix("/l/", afterRevision: start)))
            await clock.advance(by: 10)
            let deletes = try await watcher.first(2)
            #expect(deletes.map(\.kv.key) == ["/l/short", "/l/long"])
            #expect(deletes[0].kv.modRevision < deletes[1].kv.modRevision)
        }
    }

    @Test("leases outlive a restart and still expire", arguments: DatastoreBackend.all)
    func leaseAfterRestart(backend: DatastoreBackend) async throws {
        let clock = SimulatedClock(mode: .manual)
        try await backend.withFixture(clock: clock) { fixture in
            let store = try await fixture.open()
            let lease = try await store.grantLease(ttl: 10)
            try await store.put("k", "v", lease: lease.id)
            try await store.close()

            let reopened = try await fixture.open()
            #expect(try await reopened.value("k") == "v")
            #expect(try await reopened.lease(lease.id) != nil)
            let start = try await reopened.currentRevision()
            let watcher = WatchRecorder(reopened.watch(WatchRequest(key: "k", afterRevision: start)))
            await clock.advance(by: 11)
            #expect(try await watcher.first(1).map(\.kind) == [.delete])
            #expect(try await reopened.get("k") == nil)
        }
    }
}
