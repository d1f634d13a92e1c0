import Core
import Foundation
import ManagementStore
import Testing

extension ManagementStoreConformance {
    @Test(
        "a commit stores the cluster, its pools, the operation and events together",
        arguments: StoreBackend.all)
    func commitStoresEverything(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let id = Sample.clusterID()
            let cluster = Sample.cluster(id)
            let pool = Sample.pool("system", of: id)
            let operation = Sample.operation(on: id)
            let event = Sample.event("CreateAccepted", on: id.key)
            try await store.commit(
                ClusterCommit(
                    cluster: cluster, pools: [pool], operation: operation, ifNoneMatch: true, events: [event]),
                for: id)

            #expect(try await store.cluster(id) == cluster)
            #expect(try await store.agentPools(of: id) == [pool])
            #expect(try await store.agentPool(pool.id) == pool)
            #expect(try await store.operation(operation.id) == operation)
            #expect(try await store.activeOperation(on: id) == operation)
            #expect(try await store.events(resourceKey: id.key, limit: 10) == [event])
            #expect(try await store.clusterCount() == 1)
        }
    }

    @Test(
        "a commit with an operation while one is in progress is refused and changes nothing",
        arguments: StoreBackend.all)
    func secondOperationIsRefused(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let id = Sample.clusterID()
            let cluster = Sample.cluster(id)
            let pools = [
                Sample.pool("system", of: id), Sample.pool("user", of: id, created: Sample.at(1)),
            ]
            let first = Sample.operation(on: id)
            try await store.commit(
                ClusterCommit(cluster: cluster, pools: pools, operation: first), for: id)

            var changed = cluster
            changed.eTag = UUIDv4.make()
            changed.tags = ["team": "other"]
            let second = Sample.operation(.deleteAgentPool, on: id, started: Sample.at(5))
            let refused = ClusterCommit(
                cluster: changed, pools: [Sample.pool("extra", of: id)], removedPools: ["user"],
                operation: second,
                events: [Sample.event("Refused", on: id.key)])
            await #expect(
                throws: ServiceError.operationInProgress(
                    resource: id.name, operation: first.kind.displayName)
            ) {
                try await store.commit(refused, for: id)
            }

            #expect(try await store.cluster(id) == cluster)
            #expect(try await store.agentPools(of: id) == pools)
            #expect(try await store.operation(second.id) == nil)
            #expect(try await store.activeOperation(on: id) == first)
            #expect(try await store.events(resourceKey: id.key, limit: 10) == [])
        }
    }

    @Test(
        "a commit without an operation goes through while one is in progress",
        arguments: StoreBackend.all)
    func commitWithoutOperationWhileInProgress(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let id = Sample.clusterID()
            try await store.commit(
                ClusterCommit(cluster: Sample.cluster(id), operation: Sample.operation(on: id)), for: id)
            var updated = Sample.cluster(id)
            updated.status.provisioningState = .succeeded
            try await store.commit(ClusterCommit(cluster: updated), for: id)
            #expect(try await store.cluster(id) == updated)
        }
    }

    @Test(
        "If-None-Match and If-Match are enforced against the stored eTag", arguments: StoreBackend.all)
    func preconditions(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let id = Sample.clusterID("Aks-Pre")
            let missingMatch = ClusterCommit(cluster: Sample.cluster(id), ifMatch: "*")
            await #expect(
                throws: ServiceError.preconditionFailed(
                    message: "The managed cluster 'Aks-Pre' does not exist (If-Match).")
            ) {
                try await store.commit(missingMatch, for: id)
            }
            #expect(try await store.cluster(id) == nil)

            let cluster = Sample.cluster(id, eTag: "etag-1")
            try await store.commit(ClusterCommit(cluster: cluster, ifNoneMatch: true), for: id)
            await #expect(
                throws: ServiceError.preconditionFailed(
                    message: "The managed cluster 'Aks-Pre' already exists (If-None-Match: *).")
            ) {
                try await store.commit(
                    ClusterCommit(cluster: Sample.cluster(id), ifNoneMatch: true), for: id)
            }

            let stale = ClusterCommit(cluster: Sample.cluster(id, eTag: "etag-2"), ifMatch: "etag-0")
            await #expect(
                throws: ServiceError.preconditionFailed(
                    message: "The eTag 'etag-0' does not match the current eTag 'etag-1' of 'Aks-Pre'.")
            ) {
                try await store.commit(stale, for: id)
            }
            #expect(try await store.cluster(id) == cluster)

            let matching = Sample.cluster(id, eTag: "etag-2")
            try await store.commit(ClusterCommit(cluster: matching, ifMatch: "etag-1"), for: id)
            #expect(try await store.cluster(id) == matching)
            let anyMatch = Sample.cluster(id, eTag: "etag-3")
            try await store.commit(ClusterCommit(cluster: anyMatch, ifMatch: "*"), for: id)
            #expect(try await store.cluster(id) == anyMatch)
        }
    }

    @Test(
        "pools come back in creation order and removedPools deletes them by name",
        arguments: StoreBackend.all)
    func poolsOrderAndRemoval(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let id = Sample.clusterID()
            let zulu = Sample.pool("zulu", of: id, created: Sample.at(0))
            let alpha = Sample.pool("alpha", of: id, created: Sample.at(10))
            let mike = Sample.pool("mike", of: id, created: Sample.at(5))
            try await store.commit(
                ClusterCommit(cluster: Sample.cluster(id), pools: [zulu, alpha]), for: id)
            try await store.commit(ClusterCommit(pools: [mike]), for: id)
            #expect(try await store.agentPools(of: id) == [zulu, mike, alpha])

            var scaled = zulu
            scaled.spec.count = 5
            scaled.updatedAt = Sample.at(20)
            try await store.commit(ClusterCommit(pools: [scaled], removedPools: ["MIKE"]), for: id)
            #expect(try await store.agentPools(of: id) == [scaled, alpha])
            #expect(try await store.agentPool(mike.id) == nil)
        }
    }

    @Test(
        "deleting a cluster removes it and its pools but keeps its operations",
        arguments: StoreBackend.all)
    func deleteCluster(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let id = Sample.clusterID()
            let other = Sample.clusterID("aks-two")
            let operation = Sample.operation(.deleteCluster, on: id)
            try await store.commit(
                ClusterCommit(
                    cluster: Sample.cluster(id), pools: [Sample.pool("system", of: id)], operation: operation),
                for: id)
            try await store.commit(
                ClusterCommit(cluster: Sample.cluster(other), pools: [Sample.pool("system", of: other)]),
                for: other)

            try await store.deleteCluster(id)
            #expect(try await store.cluster(id) == nil)
            #expect(try await store.agentPools(of: id) == [])
            #expect(try await store.operation(operation.id) == operation)
            #expect(try await store.clusterCount() == 1)
            #expect(try await store.agentPools(of: other).count == 1)
        }
    }

    @Test(
        "clusters list by subscription and resource group, case-insensitively, ordered by name",
        arguments: StoreBackend.all)
    func listClusters(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let ids = [
                Sample.clusterID("beta", subscription: "Sub-A", resourceGroup: "RG-One"),
                Sample.clusterID("Alpha", subscription: "sub-a", resourceGroup: "rg-one"),
                Sample.clusterID("gamma", subscription: "sub-a", resourceGroup: "rg-two"),
                Sample.clusterID("delta", subscription: "sub-b", resourceGroup: "rg-one"),
            ]
            for id in ids { try await store.commit(ClusterCommit(cluster: Sample.cluster(id)), for: id) }

            let names = { (records: [ManagedClusterRecord]) in records.map(\.id.name) }
            #expect(
                names(try await store.clusters(subscription: "SUB-A", resourceGroup: "rg-ONE")) == [
                    "Alpha", "beta",
                ])
            #expect(
                names(try await store.clusters(subscription: "sub-a", resourceGroup: nil)) == [
                    "Alpha", "beta", "gamma",
                ])
            #expect(
                names(try await store.clusters(subscription: "sub-b", resourceGroup: nil)) == ["delta"])
            #expect(try await store.clusters(subscription: "sub-c", resourceGroup: nil) == [])
            #expect(
                try await store.cluster(
                    Sample.clusterID("ALPHA", subscription: "SUB-A", resourceGroup: "Rg-One"))?.id.name
                    == "Alpha")
            #expect(try await store.clusterCount() == 4)
        }
    }
}
