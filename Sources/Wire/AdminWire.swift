/// `POST /admin/tokens` request.
public struct TokenRequestWire: Codable, Sendable, Equatable {
    public var subscriptions: [String]
    public var tenant: String?
    public init(subscriptions: [String], tenant: String? = nil) {
        self.subscriptions = subscriptions
        self.tenant = tenant
    }
}

/// `POST /admin/tokens` response. `id` names the grant (`DELETE /admin/tokens/{id}` revokes it).
public struct TokenResponseWire: Codable, Sendable, Equatable {
    public var id: String?
    public var token: String
    public var tenantId: String
    public var subscriptions: [String]
    public var expiresOn: String?
    public init(id: String? = nil, token: String, tenantId: String, subscriptions: [String], expiresOn: String? = nil) {
        self.id = id
        self.token = token
        self.tenantId = tenantId
        self.subscriptions = subscriptions
        self.expiresOn = expiresOn
    }
}

/// `PUT /admin/subscriptions/{id}` body and response.
public struct SubscriptionStateWire: Codable, Sendable, Equatable {
    public var state: String
    public var tenantId: String?
    public var subscriptionId: String?
    public init(state: String, tenantId: String? = nil, subscriptionId: String? = nil) {
        self.state = state
        self.tenantId = tenantId
        self.subscriptionId = subscriptionId
    }
}

/// `GET /admin/clock` and `POST /admin/clock:advance`.
public struct ClockWire: Codable, Sendable, Equatable {
    public var now: String
    public var mode: String
    public init(now: String, mode: String) {
        self.now = now
        self.mode = mode
    }
}

/// `POST /admin/clock:advance` body.
public struct ClockAdvanceWire: Codable, Sendable, Equatable {
    public var seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
}
