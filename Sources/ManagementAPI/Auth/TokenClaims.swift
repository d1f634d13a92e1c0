import JWTKit

/// Claims of the bearer tokens the service signs. `tid`, `oid` match what Azure tokens carry
/// (az reads `tid`); `subs` lists the subscriptions the token may use; `gid` names the grant
/// the token derives from, so revoking a grant revokes every token minted from it.
struct TokenClaims: JWTPayload, Equatable {
    var iss: IssuerClaim
    var aud: AudienceClaim
    var sub: SubjectClaim
    var iat: IssuedAtClaim
    var exp: ExpirationClaim
    var tid: String
    var oid: String
    var subs: [String]
    var gid: String
    var adm: Bool?
    /// True for tokens the managed-identity endpoint minted (their hash is not stored).
    var msi: Bool?

    /// Expiry is checked against the service clock by `TokenAuthority`, not the wall clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
