/// What a request wants to do: a verb on a resource (optionally a subresource, a namespace and a
/// name), or a verb on a non-resource path such as `/healthz`.
public struct RequestAttributes: Sendable, Hashable {
    /// get list watch create update patch delete deletecollection, or bind escalate impersonate.
    public var verb: String
    public var isResourceRequest: Bool
    /// API group, "" for the core group.
    public var group: String
    public var resource: String
    public var subresource: String
    /// "" for cluster-scoped resources and for requests across all namespaces.
    public var namespace: String
    public var name: String
    /// The URL path of a non-resource request (`/healthz`, `/version`, `/api`).
    public var path: String

    /// A request on a resource.
    public init(
        verb: String, group: String = "", resource: String, subresource: String = "", namespace: String = "", name: String = ""
    ) {
        self.verb = verb
        self.isResourceRequest = true
        self.group = group
        self.resource = resource
        self.subresource = subresource
        self.namespace = namespace
        self.name = name
        self.path = ""
    }

    /// A request on a non-resource URL.
    public init(verb: String, path: String) {
        self.verb = verb
        self.isResourceRequest = false
        self.group = ""
        self.resource = ""
        self.subresource = ""
        self.namespace = ""
        self.name = ""
        self.path = path
    }

    /// `pods` or `pods/eviction`: how rules name the resource.
    var combinedResource: String { subresource.isEmpty ? resource : "\(resource)/\(subresource)" }
}

/// The answer to "may this user do this", with the sentence that explains it.
public struct AuthorizationDecision: Sendable {
    public let allowed: Bool
    public let reason: String

    public init(allowed: Bool, reason: String) {
        self.allowed = allowed
        self.reason = reason
    }
}
