import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The hosted Kubernetes API front: one listener for every cluster, the cluster chosen by the
/// path prefix `/clusters/{uid}` (decision 005). Authenticates, authorizes with the cluster's
/// RBAC, then serves discovery, OpenAPI and the resource handlers; errors are `Status` objects.
public struct KubeResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let planes: HostedControlPlanes
    let logger: Logger
    /// Largest request body accepted (etcd's default request limit is 1.5 MiB; objects fit well below).
    static let bodyLimit = 3 * 1024 * 1024

    public init(planes: HostedControlPlanes, logger: Logger) {
        self.planes = planes
        self.logger = logger
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let response: Response
        do {
            response = try await serve(request)
        } catch let error as KubeError {
            response = KubeResponse.error(error)
        } catch {
            logger.error("hosted API request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            response = KubeResponse.error(.internalError("\(error)"))
        }
        logger.debug("\(request.method.rawValue) \(request.uri.path) \(response.status.code)")
        return response
    }

    func serve(_ request: Request) async throws -> Response {
        let path = request.uri.path
        let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[0] == "clusters" else {
            throw KubeError.pathNotFound(path)
        }
        let uid = String(parts[1])
        guard let plane = await planes.controlPlane(uid) else {
            throw KubeError(
                code: 503, reason: "ServiceUnavailable",
                message: "the control plane of cluster \(uid) is not running here (stopped, deleted, or still provisioning)")
        }
        guard let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer "),
            let user = await planes.user(bearer: String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces), clusterUID: uid)
        else { throw KubeError.unauthorized }
        let rest = parts.count > 2 ? "/" + parts[2] : "/"
        let kubePath = try KubePath.parse(rest)
        let query = Self.query(request)
        let accept = request.headers[.accept] ?? "application/json"
        let now = planes.clock.now()
        guard case .resource(let target) = kubePath else {
            try await Authorization.check(plane: plane, user: user, now: now, .init(verb: request.method == .get ? "get" : request.method.rawValue.lowercased(), path: rest))
            return try NonResourceHandlers.serve(kubePath, plane: plane, accept: accept, query: query)
        }
        var body: [UInt8] = []
        if request.method == .post || request.method == .put || request.method == .patch || request.method == .delete {
            let buffer = try await request.body.collect(upTo: Self.bodyLimit)
            body = Array(buffer.readableBytesView)
        }
        let call = KubeCall(
            plane: plane, user: user, method: request.method, target: target, query: query, accept: accept,
            contentType: request.headers[.contentType] ?? "", body: body, now: now)
        return try await ResourceHandlers.serve(call)
    }

    static func query(_ request: Request) -> [String: String] {
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            query[String(key)] = String(value).removingPercentEncoding ?? String(value)
        }
        return query
    }
}
