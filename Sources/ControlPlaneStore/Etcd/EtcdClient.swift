import AsyncHTTPClient
import Foundation
import NIOCore

/// A client of etcd's v3 JSON gateway (`/v3/kv/...`, `/v3/lease/...`, `/v3/watch`, ...) over HTTP.
/// Keys and values travel as base64; unary calls answer one JSON object, streaming calls a
/// newline-delimited sequence of `{"result": ...}` objects.
public struct EtcdClient: Sendable {
    /// A failed call: etcd answered with an error, or could not be reached.
    public enum Failure: Error, Sendable, Equatable {
        /// etcd's own error (`message` as etcd wrote it, e.g. "etcdserver: mvcc: required revision has been compacted").
        case server(message: String, code: Int)
        /// No answer: connection refused, reset, or a malformed reply.
        case unreachable(String)
    }

    /// `http://127.0.0.1:PORT` of the etcd member.
    public let endpoint: String
    private let http: HTTPClient
    /// How long a unary call may take.
    private let callTimeout: TimeAmount

    public init(endpoint: String, http: HTTPClient = EtcdClient.sharedHTTP, callTimeout: TimeAmount = .seconds(15)) {
        self.endpoint = endpoint
        self.http = http
        self.callTimeout = callTimeout
    }

    /// The connection pool every etcd client shares. Each hosted-API watch holds one etcd
    /// watch stream open, so the per-host limit is far above `HTTPClient.shared`'s 8 (with 8,
    /// the 9th watch waited for a connection and stalled the cluster: docs/benchmarks.md), and
    /// streams have no read timeout (an idle watch is silent for as long as nothing changes).
    /// Unary calls keep their own deadline (`callTimeout`).
    public static let sharedHTTP: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 16_384
        configuration.timeout = .init(connect: .seconds(5), read: nil)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    /// Serialises a JSON request object.
    static func body(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8)
    }

    /// POSTs `body` to `path` and decodes the answer as `Response`, or throws etcd's error.
    func call<Response: Decodable>(_ path: String, _ body: Data, as: Response.Type = Response.self) async throws
        -> Response
    {
        let data = try await post(path, body)
        if let failure = try? JSONDecoder().decode(EtcdWire.ErrorBody.self, from: data),
            let message = failure.message ?? failure.error
        {
            throw Failure.server(message: message, code: failure.code ?? 0)
        }
        do {
            return try JSONDecoder().decode(Response.self, from: data)
        } catch {
            throw Failure.unreachable(
                "etcd \(path): malformed answer: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
    }

    private func post(_ path: String, _ body: Data) async throws -> Data {
        var request = HTTPClientRequest(url: endpoint + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await http.execute(request, timeout: callTimeout)
            let buffer = try await response.body.collect(upTo: 256 * 1024 * 1024)
            return Data(buffer.readableBytesView)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw Failure.unreachable("etcd at \(endpoint) \(path): \(error)")
        }
    }

    /// POSTs `body` to a streaming `path` and yields each newline-delimited JSON object as it arrives.
    /// The stream ends when etcd closes it or the consuming task is cancelled.
    func stream(_ path: String, _ body: Data) -> AsyncThrowingStream<Data, any Error> {
        let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        let http = self.http
        let endpoint = self.endpoint
        var request = HTTPClientRequest(url: endpoint + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        // The task lives exactly as long as its consumer: `onTermination` cancels it.
        let task = Task {
            do {
                let response = try await http.execute(request, timeout: .hours(24 * 365))
                var pending = Data()
                for try await chunk in response.body {
                    pending.append(contentsOf: chunk.readableBytesView)
                    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                        let line = pending[pending.startIndex..<newline]
                        pending = Data(pending[pending.index(after: newline)...])
                        if !line.isEmpty { continuation.yield(Data(line)) }
                    }
                }
                if !pending.isEmpty { continuation.yield(pending) }
                continuation.finish()
            } catch is CancellationError {
                continuation.finish()
            } catch {
                continuation.finish(throwing: Failure.unreachable("etcd at \(endpoint) \(path): \(error)"))
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
