import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// A client of one cluster's hosted Kubernetes API: its server URL, bearer token and the
/// front's certificate (from the kubeconfig), over HTTP/1.1 with one connection per stream.
struct HostedAPIClient: Sendable {
    /// Why a call to the hosted API failed.
    enum Failure: Error, CustomStringConvertible {
        case status(String, UInt, String)
        case unreadable(String)

        var description: String {
            switch self {
            case .status(let what, let code, let body):
                "\(what) answered HTTP \(code): \(body.prefix(300))"
            case .unreadable(let what): "cannot read \(what)"
            }
        }
    }

    let http: HTTPClient
    let server: String
    let token: String

    /// A client trusting `caFile`, allowing `connections` concurrent connections to the server.
    static func make(server: String, token: String, caFile: String, connections: Int)
        -> HostedAPIClient
    {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .file(caFile)
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.httpVersion = .http1Only
        configuration.timeout = .init(connect: .seconds(60), read: nil)
        configuration.connectionPool = .init(
            idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        return HostedAPIClient(
            http: http, server: server.hasSuffix("/") ? String(server.dropLast()) : server, token: token)
    }

    var configMaps: String { "\(server)/api/v1/namespaces/default/configmaps" }

    /// A GET of `url` with the bearer token.
    func request(_ url: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "application/json")
        return request
    }

    /// The resourceVersion of the ConfigMap list in `default` (where watches start from).
    func listResourceVersion() async throws -> String {
        let response = try await http.execute(request(configMaps), timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 64 << 20)
        guard response.status.code == 200 else {
            throw Failure.status("GET configmaps", response.status.code, String(buffer: body))
        }
        guard
            let list = try JSONSerialization.jsonObject(with: Data(body.readableBytesView))
                as? [String: Any],
            let metadata = list["metadata"] as? [String: Any],
            let version = metadata["resourceVersion"] as? String
        else { throw Failure.unreadable("the ConfigMap list's resourceVersion") }
        return version
    }

    /// Creates ConfigMap `name` in `default`; throws unless the answer is 201.
    func createConfigMap(_ name: String) async throws {
        var post = request(configMaps)
        post.method = .POST
        post.headers.add(name: "Content-Type", value: "application/json")
        let body =
            #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"\#(name)"},"data":{"k":"v"}}"#
        post.body = .bytes(ByteBuffer(string: body))
        let response = try await http.execute(post, timeout: .seconds(60))
        let answer = try await response.body.collect(upTo: 1 << 20)
        guard response.status.code == 201 else {
            throw Failure.status("POST configmap \(name)", response.status.code, String(buffer: answer))
        }
    }

    func shutdown() async throws {
        try await http.shutdown()
    }
}
