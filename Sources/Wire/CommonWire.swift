/// A page of an ARM list: `{"value":[...],"nextLink":...}`.
public struct ListResultWire<Element: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var value: [Element]
    public var nextLink: String?

    public init(value: [Element], nextLink: String? = nil) {
        self.value = value
        self.nextLink = nextLink
    }
}

/// ARM's error body: `{"error":{"code","message","target","details"}}`.
public struct ARMErrorResponseWire: Codable, Sendable, Equatable {
    public var error: ARMErrorWire
    public init(error: ARMErrorWire) { self.error = error }
}

public struct ARMErrorWire: Codable, Sendable, Equatable {
    public var code: String
    public var message: String
    public var target: String?
    public var details: [ARMErrorWire]?

    public init(code: String, message: String, target: String? = nil, details: [ARMErrorWire]? = nil) {
        self.code = code
        self.message = message
        self.target = target
        self.details = details
    }
}

/// The status resource that `Azure-AsyncOperation` points at.
public struct OperationStatusWire: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var status: String
    public var startTime: String?
    public var endTime: String?
    public var percentComplete: Double?
    public var resourceId: String?
    public var error: ARMErrorWire?

    public init(
        id: String, name: String, status: String, startTime: String? = nil, endTime: String? = nil,
        percentComplete: Double? = nil, resourceId: String? = nil, error: ARMErrorWire? = nil
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.startTime = startTime
        self.endTime = endTime
        self.percentComplete = percentComplete
        self.resourceId = resourceId
        self.error = error
    }
}

/// `listClusterUserCredential` / `listClusterAdminCredential` result; `value` is base64 kubeconfig YAML.
public struct CredentialResultsWire: Codable, Sendable, Equatable {
    public struct Credential: Codable, Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }
    public var kubeconfigs: [Credential]
    public init(kubeconfigs: [Credential]) { self.kubeconfigs = kubeconfigs }
}

/// A tenant subscription as `GET /subscriptions` reports it.
public struct SubscriptionWire: Codable, Sendable, Equatable {
    public var id: String
    public var subscriptionId: String
    public var tenantId: String
    public var displayName: String
    public var state: String

    public init(id: String, subscriptionId: String, tenantId: String, displayName: String, state: String) {
        self.id = id
        self.subscriptionId = subscriptionId
        self.tenantId = tenantId
        self.displayName = displayName
        self.state = state
    }
}
