import Core
import Foundation
import ManagementStore
import Testing

// Replicas racing on one database: the guarantees that SQLite gets from its single writer.
extension ManagementStoreConformance {
    @Test(
        "concurrent claimers on two stores get each in-progress operation exactly once",
        arguments: StoreBackend.all)
    func concurrentClaims(backend: StoreBackend) async throws {
        try await backend.withStores(count: 2) { stores in
            var operationIDs: Set<String> = []
            for index in 0..<5 {
                let id = Sample.clusterID("aks-\(index)")
                let operation = Sample.operation(on: id, started: Sample.at(Double(index)))
                try await stores[0].commit(
                    ClusterCommit(cluster: Sample.cluster(id), operation: operation), for: id)
                operationIDs.insert(operation.id)
            }

            try await warmUp(stores, connections: 10)
            let claims = try await withThrowingTaskGroup(of: OperationRecord?.self) { group in
                for claimer in 0..<20 {
                    let store = stores[claimer % stores.count]
                    group.addTask {
                        try await store.claimOperation(
                            owner: "replica-\(claimer)", now: Sample.at(100), leaseUntil: Sample.at(130))
                    }
                }
                return try await group.reduce(into: []) { claims, claim in claim.map { claims.append($0) } }
            }

            #expect(claims.count == 5)
            #expect(Set(claims.map(\.id)) == operationIDs)
            for claim in claims {
                let stored = try await stores[1].operation(claim.id)
                #expect(stored?.leaseOwner == claim.leaseOwner)
                #expect(stored?.leaseExpiry == Sample.at(130))
                #expect(stored?.attempts == 1)
            }
            #expect(
                try await stores[1].claimOperation(
                    owner: "late", now: Sample.at(110), leaseUntil: Sample.at(140)) == nil)
        }
    }

    @Test(
        "concurrent commits on one cluster accept exactly one operation", arguments: StoreBackend.all)
    func concurrentCommits(backend: StoreBackend) async throws {
        try await backend.withStores(count: 2) { stores in
            let id = Sample.clusterID()
            try await stores[0].commit(ClusterCommit(cluster: Sample.cluster(id)), for: id)
            try await warmUp(stores, connections: 10)
            let outcomes = await withTaskGroup(of: Result<OperationRecord, any Error>.self) { group in
                for writer in 0..<10 {
                    let store = stores[writer % stores.count]
                    group.addTask {
                        let operation = Sample.operation(
                            .stopCluster, on: id, started: Sample.at(Double(writer)))
                        do {
                            try await store.commit(ClusterCommit(operation: operation), for: id)
                            return .success(operation)
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }

            let accepted = outcomes.compactMap { try? $0.get() }
            #expect(accepted.count == 1)
            let inProgress = ServiceError.operationInProgress(
                resource: id.name, operation: OperationKind.stopCluster.displayName)
            for case .failure(let error) in outcomes {
                #expect(error as? ServiceError == inProgress)
            }
            #expect(try await stores[1].activeOperation(on: id) == accepted.first)
            #expect(
                try await stores[1].operationCounts() == [
                    OperationCount(kind: .stopCluster, state: .inProgress, count: 1)
                ])
        }
    }

    @Test(
        "concurrent creates with If-None-Match create the cluster once", arguments: StoreBackend.all)
    func concurrentCreates(backend: StoreBackend) async throws {
        try await backend.withStores(count: 2) { stores in
            let id = Sample.clusterID()
            try await warmUp(stores, connections: 10)
            let outcomes = await withTaskGroup(of: Result<ManagedClusterRecord, any Error>.self) {
                group in
                for writer in 0..<10 {
                    let store = stores[writer % stores.count]
                    group.addTask {
                        let cluster = Sample.cluster(id)
                        do {
                            try await store.commit(ClusterCommit(cluster: cluster, ifNoneMatch: true), for: id)
                            return .success(cluster)
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }

            let created = outcomes.compactMap { try? $0.get() }
            #expect(created.count == 1)
            let exists = ServiceError.preconditionFailed(
                message: "The managed cluster '\(id.name)' already exists (If-None-Match: *).")
            for case .failure(let error) in outcomes {
                #expect(error as? ServiceError == exists)
            }
            let stored = try await stores[1].cluster(id)
            #expect(stored == created.first)
        }
    }

    /// Opens connections on every store first, so that the racers below really run at once
    /// instead of queueing behind a pool's first connection.
    private func warmUp(_ stores: [any ManagementStore], connections: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in stores {
                for _ in 0..<connections { group.addTask { _ = try await store.operationCounts() } }
            }
            try await group.waitForAll()
        }
    }
}
