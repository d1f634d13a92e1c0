import Hummingbird

/// Who may call a route.
enum Access: Sendable {
    /// Anyone (metadata, health, the managed-identity endpoint which checks its own header).
    case anonymous
    /// A tenant or the provider, with a valid bearer token.
    case tenant
    /// The provider's admin token only.
    case admin
}

/// One entry of the route table: method, path pattern (segments; `{name}` captures,
/// literals match case-insensitively as ARM does) and its handler.
struct Route: Sendable {
    let method: HTTPRequest.Method
    let segments: [Segment]
    /// Label for metrics and logs, e.g. `managedClusters/PUT`.
    let name: String
    let access: Access
    /// Whether the route takes ARM's `api-version` query parameter.
    let versioned: Bool
    /// The api-versions accepted when `versioned`; nil means Microsoft.ContainerService's (`APIVersions.supported`).
    let apiVersions: [String]?
    let handler: @Sendable (APICall) async throws -> Response

    enum Segment: Sendable, Equatable {
        case literal(String)
        case capture(String)
    }

    init(_ method: HTTPRequest.Method, _ pattern: String, name: String, access: Access = .tenant, versioned: Bool = true, apiVersions: [String]? = nil, handler: @escaping @Sendable (APICall) async throws -> Response) {
        self.method = method
        self.segments = pattern.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .capture(String(part.dropFirst().dropLast())) : .literal(part.lowercased())
        }
        self.name = name
        self.access = access
        self.versioned = versioned
        self.apiVersions = apiVersions
        self.handler = handler
    }

    /// Captured values if `path` matches this pattern.
    func match(_ path: [Substring]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var captures: [String: String] = [:]
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let literal):
                guard part.lowercased() == literal else { return nil }
            case .capture(let name):
                captures[name] = String(part).removingPercentEncoding ?? String(part)
            }
        }
        return captures
    }
}
