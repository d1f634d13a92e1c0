import Core
import Foundation
import ManagementStore
import Testing

extension ManagementStoreConformance {
    @Test(
        "subscriptions round trip, are found case-insensitively and filter by tenant",
        arguments: StoreBackend.all)
    func subscriptionsRoundTrip(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let first = SubscriptionRecord(
                id: "SUB-B", tenantID: "tenant-1", displayName: "B", state: .enabled, updatedAt: Sample.t0)
            let second = SubscriptionRecord(
                id: "sub-a", tenantID: "tenant-2", displayName: "A", state: .enabled, updatedAt: Sample.t0)
            try await store.saveSubscription(first)
            try await store.saveSubscription(second)

            #expect(try await store.subscription("sub-b") == first)
            #expect(try await store.subscription("missing") == nil)
            #expect(try await store.subscriptions(tenantID: nil) == [second, first])
            #expect(try await store.subscriptions(tenantID: "tenant-1") == [first])

            var suspended = first
            suspended.state = .suspended
            suspended.tenantID = "tenant-2"
            try await store.saveSubscription(suspended)
            #expect(try await store.subscription("SUB-B")?.state == .suspended)
            #expect(try await store.subscriptions(tenantID: "tenant-1") == [])
            #expect(try await store.subscriptions(tenantID: "tenant-2").count == 2)
        }
    }

    @Test("grants round trip and a revocation replaces the stored grant", arguments: StoreBackend.all)
    func grantsRoundTrip(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var grant = TokenGrant(
                id: "grant-1", tenantID: "tenant-1", subscriptions: ["sub-a", "sub-b"], isAdmin: false,
                tokenHash: String(repeating: "ab", count: 32), createdAt: Sample.t0)
            try await store.saveGrant(grant)
            #expect(try await store.grant("grant-1") == grant)
            #expect(try await store.grant("grant-2") == nil)

            grant.revokedAt = Sample.at(60)
            try await store.saveGrant(grant)
            #expect(try await store.grant("grant-1")?.revokedAt == Sample.at(60))
        }
    }
}
