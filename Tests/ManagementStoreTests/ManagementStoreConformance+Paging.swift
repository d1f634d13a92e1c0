import Core
import Foundation
import ManagementStore
import Testing

extension ManagementStoreConformance {
    @Test("clusters come in pages ordered by name", arguments: StoreBackend.all)
    func pages(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            for name in ["aks-c", "aks-a", "aks-e", "aks-b", "aks-d"] {
                let id = Sample.clusterID(name)
                try await store.commit(ClusterCommit(cluster: Sample.cluster(id)), for: id)
            }
            let first = try await store.clusters(subscription: "sub-a", resourceGroup: "rg-one", limit: 2, offset: 0)
            let second = try await store.clusters(subscription: "SUB-A", resourceGroup: nil, limit: 2, offset: 2)
            let last = try await store.clusters(subscription: "sub-a", resourceGroup: "RG-ONE", limit: 2, offset: 4)
            #expect(first.map(\.id.name) == ["aks-a", "aks-b"])
            #expect(second.map(\.id.name) == ["aks-c", "aks-d"])
            #expect(last.map(\.id.name) == ["aks-e"])
            #expect(try await store.clusters(subscription: "sub-a", resourceGroup: nil).count == 5)
        }
    }

    @Test("pools of several clusters are read at once, grouped by cluster", arguments: StoreBackend.all)
    func poolsOfClusters(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let a = Sample.clusterID("aks-a")
            let b = Sample.clusterID("aks-b")
            let c = Sample.clusterID("aks-c")
            try await store.commit(ClusterCommit(cluster: Sample.cluster(a), pools: [Sample.pool("sys", of: a, created: Sample.at(1)), Sample.pool("user", of: a, created: Sample.at(2))]), for: a)
            try await store.commit(ClusterCommit(cluster: Sample.cluster(b), pools: [Sample.pool("sys", of: b)]), for: b)
            try await store.commit(ClusterCommit(cluster: Sample.cluster(c), pools: [Sample.pool("sys", of: c)]), for: c)
            let pools = try await store.agentPools(ofClusters: [a, b])
            #expect(pools[a.key]?.map(\.id.name) == ["sys", "user"])
            #expect(pools[b.key]?.map(\.id.name) == ["sys"])
            #expect(pools[c.key] == nil)
            #expect(try await store.agentPools(ofClusters: []).isEmpty)
        }
    }
}
