import Core
import Foundation
import ManagementStore
import Testing

extension ManagementStoreConformance {
    static func iaas(_ name: String, rg: String = "MC_rg_c_eastus", type: String = "Microsoft.Network/virtualNetworks", eTag: String = "e1")
        -> IaaSResourceRecord
    {
        IaaSResourceRecord(
            id: "/subscriptions/Sub1/resourceGroups/\(rg)/providers/\(type)/\(name)", subscription: "Sub1", resourceGroup: rg,
            type: type, eTag: eTag, body: "{\"name\":\"\(name)\"}")
    }

    @Test("IaaS resources are found by id in any case and listed by scope and type", arguments: StoreBackend.all)
    func iaasReadsByScope(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let vnet = Self.iaas("vnet1")
            let nsg = Self.iaas("nsg1", type: "Microsoft.Network/networkSecurityGroups")
            let other = Self.iaas("vnet2", rg: "customer-rg")
            try await store.commitIaaS(IaaSCommit(writes: [vnet, nsg, other].map { .init($0, expected: .absent) }))

            #expect(try await store.iaasResource(vnet.id.uppercased()) == vnet)
            #expect(try await store.iaasResources(subscription: "sub1", resourceGroup: "mc_rg_c_eastus", type: nil) == [nsg, vnet])
            #expect(try await store.iaasResources(subscription: "SUB1", resourceGroup: nil, type: "microsoft.network/virtualnetworks") == [other, vnet])
            #expect(try await store.iaasResources(subscription: "sub2", resourceGroup: nil, type: nil).isEmpty)
        }
    }

    @Test("an IaaS commit with a stale eTag changes nothing, not even its other writes", arguments: StoreBackend.all)
    func iaasStaleETagChangesNothing(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let vnet = Self.iaas("vnet1")
            let nsg = Self.iaas("nsg1", type: "Microsoft.Network/networkSecurityGroups")
            try await store.commitIaaS(IaaSCommit(writes: [.init(vnet, expected: .absent), .init(nsg, expected: .absent)]))

            var newVnet = vnet
            newVnet.eTag = "e2"
            newVnet.body = "{\"changed\":true}"
            var newNSG = nsg
            newNSG.eTag = "e2"
            await #expect(throws: ServiceError.self) {
                try await store.commitIaaS(IaaSCommit(writes: [.init(newVnet, expected: .eTag("e1")), .init(newNSG, expected: .eTag("stale"))]))
            }
            await #expect(throws: ServiceError.self) {
                try await store.commitIaaS(IaaSCommit(writes: [.init(newVnet, expected: .absent)]))
            }
            #expect(try await store.iaasResource(vnet.id) == vnet)
            #expect(try await store.iaasResource(nsg.id) == nsg)

            try await store.commitIaaS(IaaSCommit(writes: [.init(newVnet, expected: .eTag("e1"))], deletes: [.init(id: nsg.id, expected: .eTag("e1"))]))
            #expect(try await store.iaasResource(vnet.id) == newVnet)
            #expect(try await store.iaasResource(nsg.id) == nil)
        }
    }

    @Test("deleting a resource group's IaaS resources leaves other groups", arguments: StoreBackend.all)
    func iaasDeleteResourceGroup(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let records = [Self.iaas("a"), Self.iaas("b", type: "Microsoft.Compute/virtualMachineScaleSets"), Self.iaas("c", rg: "keep")]
            try await store.commitIaaS(IaaSCommit(writes: records.map { .init($0, expected: .none) }))
            #expect(try await store.deleteIaaSResources(subscription: "sub1", resourceGroup: "mc_rg_c_eastus") == 2)
            #expect(try await store.iaasResources(subscription: "sub1", resourceGroup: nil, type: nil) == [records[2]])
        }
    }

    @Test("two replicas updating one IaaS resource from the same eTag: exactly one wins", arguments: StoreBackend.all)
    func iaasOneWriterWins(backend: StoreBackend) async throws {
        try await backend.withStores(count: 2) { stores in
            let vnet = Self.iaas("vnet1")
            try await stores[0].commitIaaS(IaaSCommit(writes: [.init(vnet, expected: .absent)]))
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for (index, store) in stores.enumerated() {
                    group.addTask {
                        var next = vnet
                        next.eTag = "from-\(index)"
                        do {
                            try await store.commitIaaS(IaaSCommit(writes: [.init(next, expected: .eTag("e1"))]))
                            return true
                        } catch is ServiceError {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
        }
    }
}
