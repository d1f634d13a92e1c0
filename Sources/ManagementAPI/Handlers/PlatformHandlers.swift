import Core
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Wire

/// Endpoints outside ARM resources: the managed-identity token endpoint `az login --identity`
/// uses, cloud metadata for `az cloud register`, health and metrics.
enum PlatformHandlers {
    static var routes: [Route] {
        [
            Route(.get, "msi/token", name: "msi/token", access: .anonymous, versioned: false, handler: identityToken),
            Route(.get, "metadata/endpoints", name: "metadata/endpoints", access: .anonymous, versioned: false, handler: endpoints),
            Route(.get, "healthz", name: "healthz", access: .anonymous, versioned: false) { _ in JSONResponse.empty(.ok) },
            Route(.get, "metrics", name: "metrics", access: .anonymous, versioned: false, handler: metrics),
        ]
    }

    struct IdentityTokenWire: Codable, Sendable {
        var access_token: String
        var expires_on: String
        var resource: String
        var token_type: String
    }

    /// App Service style managed identity: the `X-IDENTITY-HEADER` secret is a tenant token the
    /// provider issued; the endpoint answers with a fresh short-lived token of the same grant.
    static func identityToken(_ call: APICall) async throws -> Response {
        guard let secret = call.header("X-IDENTITY-HEADER") ?? call.header("secret"), !secret.isEmpty else {
            throw ServiceError.unauthenticated(message: "The X-IDENTITY-HEADER header is required; set IDENTITY_HEADER to a token from 'hm admin token create'.")
        }
        let principal = try await call.env.tokens.authenticate(bearer: secret)
        let (token, expires) = try await call.env.tokens.exchange(for: principal, lifetime: call.env.identityTokenLifetime)
        let resource = call.query("resource") ?? TokenAuthority.audience
        return try JSONResponse.make(.ok, IdentityTokenWire(access_token: token, expires_on: String(Int(expires.timeIntervalSince1970)), resource: resource, token_type: "Bearer"))
    }

    struct EndpointsWire: Codable, Sendable {
        struct Authentication: Codable, Sendable {
            var loginEndpoint: String
            var audiences: [String]
            var tenant: String
            var identityProvider: String
        }
        var galleryEndpoint: String
        var graphEndpoint: String
        var portalEndpoint: String
        var resourceManager: String
        var authentication: Authentication
        var name: String
    }

    static func endpoints(_ call: APICall) async throws -> Response {
        let base = call.baseURL + "/"
        return try JSONResponse.make(.ok, EndpointsWire(
            galleryEndpoint: base, graphEndpoint: base, portalEndpoint: base, resourceManager: base,
            authentication: .init(loginEndpoint: base, audiences: [TokenAuthority.audience], tenant: "common", identityProvider: "AAD"),
            name: "Harbormaster"))
    }

    static func metrics(_ call: APICall) async throws -> Response {
        let text = try await call.env.metrics.render(store: call.env.store)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
