import Core
import Crypto
import Foundation
import JWTKit
import ManagementStore

/// Issues and checks the service's bearer tokens: ES256 JWTs signed with the service's key.
/// Provider-issued tokens are recorded as grants holding only the token's SHA-256 hash.
public struct TokenAuthority: Sendable {
    public static let audience = "https://management.core.windows.net/"
    let keys: JWTKeyCollection
    let store: any ManagementStore
    let clock: any TimeSource
    let issuer: String
    let verified = VerifiedTokenCache()

    /// Loads the signing key from `keyPath`, creating it (mode 0600) on first start.
    public static func load(keyPath: String, store: any ManagementStore, clock: any TimeSource, issuer: String) async throws -> TokenAuthority {
        let key: P256.Signing.PrivateKey
        if let pem = try? String(contentsOfFile: keyPath, encoding: .utf8) {
            key = try P256.Signing.PrivateKey(pemRepresentation: pem)
        } else {
            key = P256.Signing.PrivateKey()
            try SecretFile.write(key.pemRepresentation, to: keyPath)
        }
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: try ES256PrivateKey(backing: key))
        return TokenAuthority(keys: keys, store: store, clock: clock, issuer: issuer)
    }

    /// Mints a token for a new grant and records the grant (hash only).
    public func issue(tenantID: String, subscriptions: [String], isAdmin: Bool, lifetime: TimeInterval) async throws -> (token: String, expires: Date, grantID: String) {
        let grantID = UUIDv4.make()
        let (token, expires) = try await sign(tenantID: tenantID, subscriptions: subscriptions, grantID: grantID, isAdmin: isAdmin, managedIdentity: false, lifetime: lifetime)
        let grant = TokenGrant(id: grantID, tenantID: tenantID, subscriptions: subscriptions, isAdmin: isAdmin, tokenHash: Self.hash(token), createdAt: clock.now())
        try await store.saveGrant(grant)
        return (token, expires, grantID)
    }

    /// Mints a short-lived token from an existing grant (the managed-identity endpoint).
    public func exchange(for principal: Principal, lifetime: TimeInterval) async throws -> (token: String, expires: Date) {
        try await sign(tenantID: principal.tenantID, subscriptions: principal.subscriptions, grantID: principal.grantID, isAdmin: principal.isAdmin, managedIdentity: true, lifetime: lifetime)
    }

    private func sign(tenantID: String, subscriptions: [String], grantID: String, isAdmin: Bool, managedIdentity: Bool, lifetime: TimeInterval) async throws -> (String, Date) {
        let now = clock.now()
        let expires = now.addingTimeInterval(lifetime)
        let claims = TokenClaims(
            iss: IssuerClaim(value: issuer), aud: AudienceClaim(value: Self.audience), sub: SubjectClaim(value: grantID),
            iat: IssuedAtClaim(value: now), exp: ExpirationClaim(value: expires), tid: tenantID, oid: grantID,
            subs: subscriptions, gid: grantID, adm: isAdmin ? true : nil, msi: managedIdentity ? true : nil)
        return (try await keys.sign(claims), expires)
    }

    /// Checks signature, expiry (service clock) and the grant; returns who is calling.
    public func authenticate(bearer token: String) async throws(ServiceError) -> Principal {
        let now = clock.now()
        if let known = verified.principal(for: token, at: now) { return known }
        let claims: TokenClaims
        do {
            claims = try await keys.verify(token, as: TokenClaims.self)
        } catch {
            throw .unauthenticated(message: "The access token is invalid: its signature or format is not accepted.")
        }
        if claims.exp.value < now {
            throw .unauthenticated(message: "The access token expired at \(ISO8601DateFormatter().string(from: claims.exp.value)).")
        }
        let grant: TokenGrant?
        do { grant = try await store.grant(claims.gid) } catch { throw .internalFailure(message: "Could not check the token: \(error)") }
        guard let grant, grant.revokedAt == nil else {
            throw .unauthenticated(message: "The access token has been revoked.")
        }
        if claims.msi != true, grant.tokenHash != Self.hash(token) {
            throw .unauthenticated(message: "The access token is not recognised.")
        }
        let principal = Principal(tenantID: grant.tenantID, objectID: claims.oid, subscriptions: grant.subscriptions, isAdmin: grant.isAdmin, grantID: grant.id)
        verified.remember(principal, for: token, tokenExpiry: claims.exp.value, now: now)
        return principal
    }

    /// Revokes a grant and every token minted from it (effective within the cache lifetime).
    /// Returns false when no such grant exists.
    public func revoke(grantID: String) async throws -> Bool {
        guard var grant = try await store.grant(grantID) else { return false }
        if grant.revokedAt == nil {
            grant.revokedAt = clock.now()
            try await store.saveGrant(grant)
        }
        return true
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Writes secrets (keys, tokens) readable by the owner only.
public enum SecretFile {
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
