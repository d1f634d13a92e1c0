import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Synchronization

/// Runs a real Harbormaster service in-process on port 0 for a test: its own data dir, and
/// a manual clock that moves only when the test says so.
public struct TestService: Sendable {
    public let service: Harbormaster
    public let client: any TestClientProtocol
    public var clock: SimulatedClock { service.simulatedClock! }
    public var adminToken: String { service.adminToken }

    /// Builds a service on a fresh (or given) data directory and runs `body` against it.
    public static func run<T: Sendable>(
        dataDirectory: String? = nil, stepSeconds: Double = 0, clock: SimulatedClock = SimulatedClock(mode: .manual),
        _ body: @Sendable (TestService) async throws -> T
    ) async throws -> T {
        var configuration = ServerConfiguration()
        configuration.dataDirectory = dataDirectory ?? Self.temporaryDirectory()
        configuration.port = 0
        configuration.kubeListen = "127.0.0.1:0"
        configuration.provisioningStepSeconds = stepSeconds
        let service = try await Harbormaster.build(configuration, clockOverride: clock)
        let (kubePorts, kubeListening) = AsyncStream<Int>.makeStream()
        let app = try service.application(onKubeListening: { port in
            kubeListening.yield(port)
            kubeListening.finish()
        })
        let watchdog = ShutdownWatchdog(seconds: shutdownDeadline)
        defer { watchdog.disarm() }
        return try await app.test(.live) { client in
            for await _ in kubePorts { break }  // the hosted API front is bound; kubeconfigs name its port
            defer { watchdog.arm() }  // the shutdown that follows is bounded, also after a failed body
            return try await body(TestService(service: service, client: client))
        }
    }

    /// Wall seconds the graceful shutdown after a test body may take.
    public static let shutdownDeadline: Double = 60

    public static func temporaryDirectory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hm-test-\(UUIDv4.make())").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A response with its body read as JSON.
    public struct Reply: Sendable {
        public let status: Int
        public let headers: HTTPFields
        public let body: Data

        public var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        public var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        public var errorTarget: String? { (json["error"] as? [String: Any])?["target"] as? String }
        public func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
        public func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(type, from: body) }
    }

    /// Sends a request; `path` may carry a query. `body` is sent as JSON text.
    public func call(_ method: HTTPRequest.Method, _ path: String, token: String?, body: String? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var fields = HTTPFields()
        if let token { fields[.authorization] = "Bearer \(token)" }
        if body != nil { fields[.contentType] = "application/json" }
        for (name, value) in headers { if let field = HTTPField.Name(name) { fields[field] = value } }
        let response = try await client.execute(uri: path, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
        return Reply(status: Int(response.status.code), headers: response.headers, body: Data(response.body.readableBytesView))
    }

    /// Mints a tenant token for `subscriptions` through the admin API.
    public func token(for subscriptions: [String]) async throws -> String {
        let list = subscriptions.map { "\"\($0)\"" }.joined(separator: ",")
        let reply = try await call(.post, "/admin/tokens", token: adminToken, body: "{\"subscriptions\":[\(list)]}")
        guard reply.status == 201, let token = reply.json["token"] as? String else {
            throw TestServiceError.unexpected("token mint failed: \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
        }
        return token
    }

    /// Polls an operation status URL (as returned in `Azure-AsyncOperation`) until it is terminal,
    /// advancing the manual clock between polls so provisioning steps can complete.
    public func waitForOperation(_ statusURL: String, token: String, step: Double = 1, maxPolls: Int = 200) async throws -> [String: Any] {
        let path = Self.pathAndQuery(statusURL)
        for _ in 0..<maxPolls {
            let reply = try await call(.get, path, token: token)
            let status = reply.json["status"] as? String ?? ""
            if ["Succeeded", "Failed", "Canceled"].contains(status) { return reply.json }
            await clock.advance(by: step)
        }
        throw TestServiceError.unexpected("operation at \(statusURL) did not finish")
    }

    public static func pathAndQuery(_ url: String) -> String {
        guard let components = URLComponents(string: url) else { return url }
        return components.percentEncodedPath + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
    }
}

public enum TestServiceError: Error, CustomStringConvertible {
    case unexpected(String)
    public var description: String {
        switch self {
        case .unexpected(let message): return message
        }
    }
}

/// Ends the test process with a message when a graceful shutdown outlives its deadline: a
/// service that never stops is a bug, and it must fail the run, not stall it until CI's timeout.
/// (A hung await cannot be cancelled from outside, so the process is the unit that can end.)
final class ShutdownWatchdog: Sendable {
    private let seconds: Double
    private let timer = Mutex<Task<Void, Never>?>(nil)

    init(seconds: Double) { self.seconds = seconds }

    func arm() {
        let seconds = seconds
        let task = Task.detached {
            guard (try? await SystemClock().sleep(seconds: seconds)) != nil else { return }
            FileHandle.standardError.write(Data("TestService: graceful shutdown did not finish within \(Int(seconds)) s; a service is stuck\n".utf8))
            exit(70)
        }
        timer.withLock { $0 = task }
    }

    func disarm() { timer.withLock { $0?.cancel() } }
}
