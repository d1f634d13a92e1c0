import Core
import Foundation
import ManagementStore
import Testing

extension ManagementStoreConformance {
    @Test("claims take the oldest operation first", arguments: StoreBackend.all)
    func claimsOldestFirst(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let newer = Sample.operation(on: Sample.clusterID("aks-new"), started: Sample.at(50))
            let older = Sample.operation(on: Sample.clusterID("aks-old"), started: Sample.at(10))
            for operation in [newer, older] {
                try await store.commit(
                    ClusterCommit(cluster: Sample.cluster(operation.cluster), operation: operation),
                    for: operation.cluster)
            }
            #expect(
                try await store.claimOperation(owner: "a", now: Sample.at(60), leaseUntil: Sample.at(90))?
                    .id == older.id)
            #expect(
                try await store.claimOperation(owner: "a", now: Sample.at(60), leaseUntil: Sample.at(90))?
                    .id == newer.id)
        }
    }

    @Test("an expired lease is claimed again and counts another attempt", arguments: StoreBackend.all)
    func expiredLeaseIsReclaimed(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let id = Sample.clusterID()
            let operation = Sample.operation(on: id)
            try await store.commit(
                ClusterCommit(cluster: Sample.cluster(id), operation: operation), for: id)

            let first = try #require(
                try await store.claimOperation(
                    owner: "replica-a", now: Sample.at(0), leaseUntil: Sample.at(30)))
            #expect(first.attempts == 1)
            #expect(
                try await store.claimOperation(
                    owner: "replica-b", now: Sample.at(29), leaseUntil: Sample.at(59)) == nil)
            #expect(
                try await store.renewLease(
                    operation: operation.id, owner: "replica-a", until: Sample.at(40)))
            #expect(
                try await store.claimOperation(
                    owner: "replica-b", now: Sample.at(35), leaseUntil: Sample.at(65)) == nil)

            let second = try #require(
                try await store.claimOperation(
                    owner: "replica-b", now: Sample.at(41), leaseUntil: Sample.at(71)))
            #expect(second.id == operation.id)
            #expect(second.attempts == 2)
            #expect(second.leaseOwner == "replica-b")
            #expect(try await store.operation(operation.id) == second)
        }
    }

    @Test(
        "renewLease and finishOperation refuse a replica that does not hold the lease",
        arguments: StoreBackend.all)
    func nonOwnerIsRefused(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let id = Sample.clusterID()
            let operation = Sample.operation(on: id)
            try await store.commit(
                ClusterCommit(cluster: Sample.cluster(id), operation: operation), for: id)
            #expect(
                try await !store.renewLease(operation: operation.id, owner: "nobody", until: Sample.at(30)))

            var claimed = try #require(
                try await store.claimOperation(owner: "owner", now: Sample.at(0), leaseUntil: Sample.at(30))
            )
            claimed.state = .succeeded
            claimed.endTime = Sample.at(20)
            #expect(
                try await !store.renewLease(
                    operation: operation.id, owner: "intruder", until: Sample.at(60)))
            #expect(try await !store.finishOperation(claimed, owner: "intruder"))
            #expect(try await store.operation(operation.id)?.state == .inProgress)
            #expect(
                try await !store.renewLease(
                    operation: "no-such-operation", owner: "owner", until: Sample.at(60)))

            #expect(try await store.finishOperation(claimed, owner: "owner"))
            let finished = try #require(try await store.operation(operation.id))
            #expect(finished.state == .succeeded)
            #expect(finished.endTime == Sample.at(20))
            #expect(finished.leaseOwner == nil)
            #expect(finished.leaseExpiry == nil)
            #expect(try await store.activeOperation(on: id) == nil)
            #expect(try await !store.finishOperation(claimed, owner: "owner"))
            #expect(
                try await !store.renewLease(operation: operation.id, owner: "owner", until: Sample.at(60)))
            #expect(
                try await store.claimOperation(
                    owner: "owner", now: Sample.at(100), leaseUntil: Sample.at(130)) == nil)

            let next = Sample.operation(.stopCluster, on: id, started: Sample.at(25))
            try await store.commit(ClusterCommit(operation: next), for: id)
            #expect(try await store.activeOperation(on: id) == next)
        }
    }

    @Test("operationCounts counts operations by kind and state", arguments: StoreBackend.all)
    func operationCounts(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            #expect(try await store.operationCounts() == [])
            for index in 0..<3 {
                let id = Sample.clusterID("aks-\(index)")
                try await store.commit(
                    ClusterCommit(cluster: Sample.cluster(id), operation: Sample.operation(on: id)), for: id)
            }
            let stopID = Sample.clusterID("aks-stop")
            try await store.commit(ClusterCommit(cluster: Sample.cluster(stopID)), for: stopID)
            try await store.commit(
                ClusterCommit(
                    operation: Sample.operation(.stopCluster, on: stopID, started: Sample.at(-10))),
                for: stopID)
            var done = try #require(
                try await store.claimOperation(owner: "r", now: Sample.at(0), leaseUntil: Sample.at(30)))
            done.state = .failed
            done.error = OperationError(code: "Stopped", message: "stop failed")
            #expect(try await store.finishOperation(done, owner: "r"))

            let counts = try await store.operationCounts().sorted {
                "\($0.kind)\($0.state)" < "\($1.kind)\($1.state)"
            }
            #expect(
                counts == [
                    OperationCount(kind: .createOrUpdateCluster, state: .inProgress, count: 3),
                    OperationCount(kind: .stopCluster, state: .failed, count: 1),
                ])
        }
    }

    @Test(
        "events come back oldest first, the latest `limit` of one resource", arguments: StoreBackend.all
    )
    func eventsOrder(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let id = Sample.clusterID()
            let first = Sample.event("Accepted", on: id.key, at: Sample.at(0))
            let second = Sample.event("Provisioning", on: id.key, at: Sample.at(0))
            let third = Sample.event("Succeeded", on: id.key, at: Sample.at(5))
            try await store.commit(ClusterCommit(cluster: Sample.cluster(id), events: [first]), for: id)
            try await store.appendEvents([second, Sample.event("Other", on: "elsewhere")])
            try await store.appendEvents([])
            try await store.appendEvents([third])

            #expect(try await store.events(resourceKey: id.key, limit: 10) == [first, second, third])
            #expect(try await store.events(resourceKey: id.key, limit: 2) == [second, third])
            #expect(
                try await store.events(resourceKey: "elsewhere", limit: 10).map(\.reason) == ["Other"])
            #expect(try await store.events(resourceKey: "nothing", limit: 10) == [])
        }
    }

    @Test(
        "a second store on the same database sees the first one's records", arguments: StoreBackend.all)
    func storesShareOneDatabase(backend: StoreBackend) async throws {
        try await backend.withStores(count: 2) { stores in
            let id = Sample.clusterID()
            let operation = Sample.operation(on: id)
            try await stores[0].commit(
                ClusterCommit(cluster: Sample.cluster(id), operation: operation), for: id)
            await #expect(
                throws: ServiceError.operationInProgress(
                    resource: id.name, operation: operation.kind.displayName)
            ) {
                try await stores[1].commit(
                    ClusterCommit(operation: Sample.operation(.deleteCluster, on: id)), for: id)
            }
            #expect(try await stores[1].activeOperation(on: id) == operation)
        }
    }
}
