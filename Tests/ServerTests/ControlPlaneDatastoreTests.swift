import ControlPlaneStore
import Foundation
import Testing
import TestSupport
import Wire

@Suite("Each cluster gets its own control-plane datastore")
struct ControlPlaneDatastoreTests {
    @Test("create provisions it, stop closes it keeping the data, start reopens it, delete destroys it")
    func lifecycle() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            let created = try await service.createCluster("c1", token: token)
            let uid = try #require(try created.decode(ManagedClusterWire.self).properties?.resourceUID)
            let datastores = service.service.datastores
            let path = datastores.path(forCluster: uid)
            #expect(FileManager.default.fileExists(atPath: path))
            let store = try #require(await datastores.datastore(cluster: uid))
            _ = try await store.txn(TxnRequest(success: [.put(key: "/registry/namespaces/default", value: Array("{}".utf8))]))

            let stop = try await service.call(.post, "\(Fixtures.clusterPath("c1"))/stop?\(Fixtures.version)", token: token)
            _ = try await service.waitForOperation(stop.header("Azure-AsyncOperation")!, token: token)
            #expect(await datastores.datastore(cluster: uid) == nil)
            #expect(FileManager.default.fileExists(atPath: path))

            let start = try await service.call(.post, "\(Fixtures.clusterPath("c1"))/start?\(Fixtures.version)", token: token)
            _ = try await service.waitForOperation(start.header("Azure-AsyncOperation")!, token: token)
            let reopened = try #require(await datastores.datastore(cluster: uid))
            let read = try await reopened.range(RangeRequest(key: "/registry/namespaces/default"))
            #expect(read.kvs.map(\.value) == [Array("{}".utf8)])

            let delete = try await service.call(.delete, Fixtures.clusterURL("c1"), token: token)
            _ = try await service.waitForOperation(delete.header("Azure-AsyncOperation")!, token: token)
            #expect(await datastores.datastore(cluster: uid) == nil)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }
}
