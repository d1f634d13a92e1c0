import Foundation

/// A credential the provider issued: the bearer token itself is only ever stored as a hash.
/// Tokens the managed-identity endpoint mints later refer back to their grant, so revoking
/// the grant revokes them all.
public struct TokenGrant: Codable, Sendable, Equatable {
    public var id: String
    public var tenantID: String
    public var subscriptions: [String]
    public var isAdmin: Bool
    /// Hex SHA-256 of the issued token.
    public var tokenHash: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(
        id: String, tenantID: String, subscriptions: [String], isAdmin: Bool, tokenHash: String, createdAt: Date,
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.subscriptions = subscriptions
        self.isAdmin = isAdmin
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
