/// Who is calling, as established from the bearer token.
public struct Principal: Sendable, Equatable {
    public let tenantID: String
    public let objectID: String
    public let subscriptions: [String]
    public let isAdmin: Bool
    public let grantID: String

    /// A token sees only its subscriptions (case-insensitive, as ARM ids are).
    public func canAccess(subscription: String) -> Bool {
        isAdmin || subscriptions.contains { $0.lowercased() == subscription.lowercased() }
    }
}
