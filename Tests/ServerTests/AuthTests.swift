import Foundation
import Testing
import TestSupport

@Suite("Tenants and tokens")
struct AuthTests {
    @Test("no token or a forged token is a 401 in ARM shape")
    func unauthenticated() async throws {
        try await TestService.run { service in
            let none = try await service.call(.get, Fixtures.clusterURL("c1"), token: nil)
            #expect(none.status == 401)
            #expect(none.errorCode == "AuthenticationFailed")
            let forged = try await service.call(.get, Fixtures.clusterURL("c1"), token: "eyJhbGciOiJub25lIn0.e30.")
            #expect(forged.status == 401)
        }
    }

    @Test("a tenant sees only its own subscriptions: another tenant's cluster is a 404")
    func isolation() async throws {
        try await TestService.run { service in
            let a = try await service.token(for: [Fixtures.subscription])
            let b = try await service.token(for: [Fixtures.otherSubscription])
            try await service.createCluster("c1", token: a)
            let other = try await service.call(.get, Fixtures.clusterURL("c1"), token: b)
            #expect(other.status == 404)
            let list = try await service.call(.get, "/subscriptions/\(Fixtures.subscription)/providers/Microsoft.ContainerService/managedClusters?\(Fixtures.version)", token: b)
            #expect(list.status == 404)
            let subs = try await service.call(.get, "/subscriptions?api-version=2022-12-01", token: b)
            #expect((subs.json["value"] as? [[String: Any]])?.compactMap { $0["subscriptionId"] as? String } == [Fixtures.otherSubscription])
        }
    }

    @Test("tenant tokens cannot use the provider's admin API")
    func adminOnly() async throws {
        try await TestService.run { service in
            let a = try await service.token(for: [Fixtures.subscription])
            let reply = try await service.call(.post, "/admin/tokens", token: a, body: #"{"subscriptions":["x"]}"#)
            #expect(reply.status == 403)
        }
    }

    @Test("the managed-identity endpoint exchanges a tenant token for a working token")
    func managedIdentity() async throws {
        try await TestService.run { service in
            let a = try await service.token(for: [Fixtures.subscription])
            let reply = try await service.call(.get, "/msi/token?api-version=2019-08-01&resource=https://management.core.windows.net/", token: nil, headers: ["X-IDENTITY-HEADER": a])
            #expect(reply.status == 200)
            let exchanged = try #require(reply.json["access_token"] as? String)
            #expect(reply.json["token_type"] as? String == "Bearer")
            let subs = try await service.call(.get, "/subscriptions/\(Fixtures.subscription)?api-version=2022-12-01", token: exchanged)
            #expect(subs.status == 200)
            let bad = try await service.call(.get, "/msi/token?resource=x", token: nil, headers: ["X-IDENTITY-HEADER": "nope"])
            #expect(bad.status == 401)
        }
    }

    @Test("writes in a suspended subscription are refused")
    func suspended() async throws {
        try await TestService.run { service in
            let a = try await service.token(for: [Fixtures.subscription])
            let set = try await service.call(.put, "/admin/subscriptions/\(Fixtures.subscription)", token: service.adminToken, body: #"{"state":"Suspended"}"#)
            #expect(set.status == 200)
            let reply = try await service.call(.put, Fixtures.clusterURL("c1"), token: a, body: Fixtures.clusterBody())
            #expect(reply.status == 409)
            #expect(reply.errorCode == "ReadOnlyDisabledSubscription")
        }
    }
}

@Suite("Revoking tokens")
struct RevocationTests {
    @Test("a revoked token, and the identity tokens minted from it, stop working within 30 s")
    func revoke() async throws {
        try await TestService.run { service in
            let minted = try await service.call(.post, "/admin/tokens", token: service.adminToken, body: #"{"subscriptions":["sub-a"]}"#)
            let token = try #require(minted.json["token"] as? String)
            let grant = try #require(minted.json["id"] as? String)
            let identity = try await service.call(.get, "/msi/token?resource=x", token: nil, headers: ["X-IDENTITY-HEADER": token])
            let derived = try #require(identity.json["access_token"] as? String)
            #expect(try await service.call(.get, "/subscriptions/sub-a?api-version=2022-12-01", token: token).status == 200)

            #expect(try await service.call(.delete, "/admin/tokens/\(grant)", token: service.adminToken).status == 204)
            await service.clock.advance(by: 31)
            #expect(try await service.call(.get, "/subscriptions/sub-a?api-version=2022-12-01", token: token).status == 401)
            #expect(try await service.call(.get, "/subscriptions/sub-a?api-version=2022-12-01", token: derived).status == 401)
            #expect(try await service.call(.delete, "/admin/tokens/no-such-grant", token: service.adminToken).status == 404)
        }
    }
}
