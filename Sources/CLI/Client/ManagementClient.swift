import AsyncHTTPClient
import Foundation
import NIOSSL
import Wire

/// Typed client of the management API over HTTP. Calls return Wire types and throw `CLIError`.
/// Make one with `ManagementClient.with(_:_:)`, which shuts its HTTP client down afterwards.
struct ManagementClient: Sendable {
    let http: HTTPClient
    let settings: Settings

    /// Runs `body` with a client for `settings`, then shuts the HTTP client down.
    static func with<Result: Sendable>(
        _ settings: Settings, _ body: (ManagementClient) async throws -> Result
    ) async throws -> Result {
        var configuration = HTTPClient.Configuration()
        if let caFile = settings.caFile {
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw CLIError.usage("cannot read the CA file \(caFile)")
            }
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .file(caFile)
            configuration.tlsConfiguration = tls
        }
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(120))
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let client = ManagementClient(http: http, settings: settings)
        do {
            let result = try await body(client)
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// Sends a request and returns the reply if it is 2xx; any other status throws its error.
    /// `target` is a path on the server (ARM paths get `api-version` appended when `arm` is set)
    /// or an absolute URL the server handed out (`nextLink`, LRO headers), used as is.
    func send(
        _ verb: HTTPVerb, _ target: String, arm: Bool = true, body: (some Encodable & Sendable)? = Optional<Never>.none
    ) async throws -> HTTPReply {
        let reply = try await exchange(verb, target, arm: arm, body: body)
        guard reply.isSuccess else { throw reply.error }
        return reply
    }

    /// Like `send`, decoding the reply's body as `Value`.
    func fetch<Value: Decodable>(
        _ type: Value.Type, _ verb: HTTPVerb = .GET, _ target: String, arm: Bool = true,
        body: (some Encodable & Sendable)? = Optional<Never>.none
    ) async throws -> Value {
        try decode(type, from: try await send(verb, target, arm: arm, body: body))
    }

    func decode<Value: Decodable>(_ type: Value.Type, from reply: HTTPReply) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: reply.body)
        } catch {
            throw CLIError.invalidResponse("cannot read \(Value.self) from HTTP \(reply.status): \(error)")
        }
    }

    /// One request, whatever its status; transport failures throw `CLIError.unreachable`.
    func exchange(
        _ verb: HTTPVerb, _ target: String, arm: Bool = true, body: (some Encodable & Sendable)? = Optional<Never>.none
    ) async throws -> HTTPReply {
        var request = HTTPClientRequest(url: url(for: target, arm: arm))
        request.method = .init(rawValue: verb.rawValue)
        request.headers.add(name: "Accept", value: "application/json")
        if let token = settings.token {
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        if let body {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(try encoder.encode(body))
        }
        do {
            let response = try await http.execute(request, timeout: .seconds(120))
            let bytes = try await response.body.collect(upTo: 64 << 20)
            let headers = Dictionary(
                response.headers.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            return HTTPReply(status: Int(response.status.code), headers: headers, body: Data(bytes.readableBytesView))
        } catch {
            var reason = String(describing: error)
            if reason.contains("CERTIFICATE_VERIFY_FAILED") {
                reason = "the server's certificate is not trusted; pass --ca-file or set HM_CA_FILE (\(reason))"
            }
            throw CLIError.unreachable(server: settings.server, reason: reason)
        }
    }

    /// The absolute URL of `target`, joined to the server when relative.
    func url(for target: String, arm: Bool) -> String {
        Self.url(for: target, server: settings.server, arm: arm)
    }

    static func url(for target: String, server: String, arm: Bool) -> String {
        var url = target.hasPrefix("http://") || target.hasPrefix("https://") ? target : server + target
        if arm && !url.contains("api-version=") {
            url += (url.contains("?") ? "&" : "?") + "api-version=\(APIVersions.cli)"
        }
        return url
    }
}
