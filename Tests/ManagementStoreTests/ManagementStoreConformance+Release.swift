import Core
import Foundation
import ManagementStore
import Testing

extension ManagementStoreConformance {
    @Test("a restarted replica releases its own leases and may claim them at once; others' stay held", arguments: StoreBackend.all)
    func releaseOwnLeases(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let mine = Sample.operation(on: Sample.clusterID("aks-mine"), started: Sample.at(1))
            let theirs = Sample.operation(on: Sample.clusterID("aks-theirs"), started: Sample.at(2))
            for operation in [mine, theirs] {
                try await store.commit(ClusterCommit(cluster: Sample.cluster(operation.cluster), operation: operation), for: operation.cluster)
            }
            #expect(try await store.claimOperation(owner: "a", now: Sample.at(10), leaseUntil: Sample.at(100))?.id == mine.id)
            #expect(try await store.claimOperation(owner: "b", now: Sample.at(10), leaseUntil: Sample.at(100))?.id == theirs.id)

            #expect(try await store.releaseLeases(owner: "a") == 1)
            let again = try #require(try await store.claimOperation(owner: "a", now: Sample.at(11), leaseUntil: Sample.at(100)))
            #expect(again.id == mine.id)
            #expect(again.attempts == 2)
            #expect(try await store.claimOperation(owner: "a", now: Sample.at(11), leaseUntil: Sample.at(100)) == nil)
            #expect(try await store.operation(theirs.id)?.leaseOwner == "b")
        }
    }
}
