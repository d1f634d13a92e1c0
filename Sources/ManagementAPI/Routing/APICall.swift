import Core
import Foundation
import HTTPTypes
import Hummingbird

/// Everything a handler gets: the request, captured path values, the caller and the service.
struct APICall: Sendable {
    let request: Request
    let params: [String: String]
    let principal: Principal?
    let env: APIEnvironment
    let requestID: String
    /// The body, collected up to the size limit.
    let body: Data

    func param(_ name: String) -> String { params[name] ?? "" }

    func query(_ name: String) -> String? {
        request.uri.queryParameters.first { $0.key.lowercased() == name.lowercased() }.map { String($0.value) }
    }

    var apiVersion: String { query("api-version") ?? APIVersionsInUse.fallback }

    /// The caller, who passed authentication (routes with `.tenant` or `.admin` access).
    var caller: Principal { principal! }

    /// `scheme://host` the client used, for absolute `Azure-AsyncOperation` / `Location` URLs.
    var baseURL: String {
        if let host = request.head.authority, !host.isEmpty {
            return "\(env.scheme)://\(host)"
        }
        return env.publicBaseURL
    }

    /// Requires the caller's token to cover `subscription`; another tenant's subscription is a 404.
    func requireSubscription(_ subscription: String) throws(ServiceError) {
        guard let principal, principal.canAccess(subscription: subscription) else {
            throw .notFound(kind: "subscription", name: subscription)
        }
    }

    func header(_ name: String) -> String? {
        guard let field = HTTPField.Name(name) else { return nil }
        return request.headers[field]
    }
}

enum APIVersionsInUse {
    static let fallback = "2026-08-01"
}
