import Foundation

/// Subscription states the provider sets (POLICY L5 acts on them).
public enum SubscriptionState: String, Codable, Sendable, CaseIterable {
    case enabled = "Enabled"
    case suspended = "Suspended"
    case deleted = "Deleted"
}

/// A tenant's subscription.
public struct SubscriptionRecord: Codable, Sendable, Equatable {
    public var id: String
    public var tenantID: String
    public var displayName: String
    public var state: SubscriptionState
    public var updatedAt: Date

    public init(id: String, tenantID: String, displayName: String, state: SubscriptionState, updatedAt: Date) {
        self.id = id
        self.tenantID = tenantID
        self.displayName = displayName
        self.state = state
        self.updatedAt = updatedAt
    }
}
