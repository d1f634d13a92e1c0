import Foundation

/// Something the service did or saw on a resource, kept for the provider and the tenant.
public struct EventRecord: Codable, Sendable, Equatable {
    public var resourceKey: String
    public var time: Date
    public var reason: String
    public var message: String
    public var operationID: String?

    public init(resourceKey: String, time: Date, reason: String, message: String, operationID: String? = nil) {
        self.resourceKey = resourceKey
        self.time = time
        self.reason = reason
        self.message = message
        self.operationID = operationID
    }
}
