import Core
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wire

/// The management API's single HTTP responder: matches ARM paths case-insensitively, checks
/// api-version and the bearer token, collects the body within its limit, calls the route's
/// handler, maps errors to ARM's shape, and stamps ARM's request-id headers on every answer.
public struct ARMResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let routes: [Route]
    let env: APIEnvironment
    let logger: Logger

    static let requestIDHeader = HTTPField.Name("x-ms-request-id")!
    static let correlationHeader = HTTPField.Name("x-ms-correlation-request-id")!
    static let clientRequestIDHeader = HTTPField.Name("x-ms-client-request-id")!

    public func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now  // latency metrics only; policy time comes from env.clock
        let requestID = UUIDv4.make()
        let correlationID = request.headers[Self.correlationHeader] ?? requestID
        let path = request.uri.path
        let parts = path.split(separator: "/")
        var routeName = "unmatched"
        var response: Response
        do {
            let candidates = routes.compactMap { route in route.match(parts).map { (route, $0) } }
            guard !candidates.isEmpty else { throw APIRejection.noRoute(request.method.rawValue, path) }
            guard let (route, params) = candidates.first(where: { $0.0.method == request.method }) else {
                throw APIRejection.methodNotAllowed(request.method.rawValue, path)
            }
            routeName = route.name
            let call = try await prepare(request, route: route, params: params, requestID: requestID)
            response = try await route.handler(call)
        } catch let error as ServiceError {
            let (status, wire) = ARMErrorMapping.wire(for: error)
            response = JSONResponse.error(status, wire)
        } catch let rejection as APIRejection {
            response = JSONResponse.error(rejection.status, rejection.error)
        } catch {
            logger.error("request failed", metadata: ["requestID": "\(requestID)", "error": "\(error)"])
            response = JSONResponse.error(.internalServerError, ARMErrorWire(code: "InternalServerError", message: "The server failed to process the request (request id \(requestID))."))
        }
        response.headers[Self.requestIDHeader] = requestID
        response.headers[Self.correlationHeader] = correlationID
        if let clientID = request.headers[Self.clientRequestIDHeader] {
            response.headers[Self.clientRequestIDHeader] = clientID
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        env.metrics.recordRequest(route: routeName, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        logger.info(
            "\(request.method.rawValue) \(path) \(response.status.code)",
            metadata: ["requestID": "\(requestID)", "correlationID": "\(correlationID)", "route": "\(routeName)", "ms": "\(Int(seconds * 1000))"])
        return response
    }

    private func prepare(_ request: Request, route: Route, params: [String: String], requestID: String) async throws -> APICall {
        if route.versioned {
            let version = request.uri.queryParameters.first { $0.key.lowercased() == "api-version" }.map { String($0.value) }
            let supported = route.apiVersions ?? APIVersions.supported
            guard let version, !version.isEmpty else { throw APIRejection.missingAPIVersion(supported: supported) }
            guard supported.contains(version) else { throw APIRejection.unsupportedAPIVersion(version, supported: supported) }
        }
        var principal: Principal?
        if route.access != .anonymous {
            guard let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") else {
                throw ServiceError.unauthenticated(message: "Authentication failed. The 'Authorization' header is missing or is not a Bearer token.")
            }
            let caller = try await env.tokens.authenticate(bearer: String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces))
            if route.access == .admin, !caller.isAdmin {
                throw ServiceError.forbidden(message: "This API is for the provider; use the admin token.")
            }
            principal = caller
        }
        let body = try await collectBody(request)
        return APICall(request: request, params: params, principal: principal, env: env, requestID: requestID, body: body)
    }

    private func collectBody(_ request: Request) async throws -> Data {
        guard request.method == .put || request.method == .patch || request.method == .post else { return Data() }
        var buffer: ByteBuffer
        do {
            let body = request.body
            buffer = try await body.collect(upTo: env.maxBodyBytes)
        } catch {
            throw APIRejection.tooLarge(env.maxBodyBytes)
        }
        let data = Data(buffer.readableBytesView)
        if !data.isEmpty, let type = request.headers[.contentType], !type.lowercased().contains("json") {
            throw APIRejection.unsupportedMediaType(type)
        }
        return data
    }
}
