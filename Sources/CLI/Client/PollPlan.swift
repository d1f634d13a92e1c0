import Foundation
import Wire

/// How to learn when an accepted long-running operation ends, chosen from the first reply in the
/// order azure-core's ARM poller uses: `Azure-AsyncOperation`, then `Location`, then the resource.
enum PollPlan: Equatable, Sendable {
    /// GET the operation status URL until `status` is terminal.
    case asyncOperation(url: String)
    /// GET the URL until it answers something other than 202.
    case location(url: String)
    /// GET the resource until `properties.provisioningState` is terminal (PUT/PATCH without headers).
    case provisioningState(path: String)
    /// GET the resource until it is gone (DELETE without headers).
    case gone(path: String)
    /// Nothing to wait for.
    case done

    init(reply: HTTPReply, verb: HTTPVerb, resourcePath: String) {
        if let url = reply.header("Azure-AsyncOperation"), !url.isEmpty {
            self = .asyncOperation(url: url)
        } else if reply.status == 202, let url = reply.header("Location"), !url.isEmpty {
            self = .location(url: url)
        } else if reply.status == 201 || reply.status == 202, verb == .PUT || verb == .PATCH {
            self = .provisioningState(path: resourcePath)
        } else if reply.status == 202, verb == .DELETE {
            self = .gone(path: resourcePath)
        } else {
            self = .done
        }
    }

    /// The URL or path the next poll GETs.
    var target: String? {
        switch self {
        case .asyncOperation(let url), .location(let url): return url
        case .provisioningState(let path), .gone(let path): return path
        case .done: return nil
        }
    }

    /// The plan after one poll's reply: the same (still running), a new one, or `.done`.
    /// Failure (an error reply, a `Failed`/`Canceled` status) throws.
    func next(after reply: HTTPReply) throws -> PollPlan {
        if case .gone = self, reply.status == 404 { return .done }
        guard reply.isSuccess else { throw reply.error }
        switch self {
        case .asyncOperation:
            let status = try JSONDecoder().decodeOrThrow(OperationStatusBody.self, from: reply.body)
            return try Self.settle(status.status, error: status.error, otherwise: self)
        case .location:
            guard reply.status == 202 else { return .done }
            if let moved = reply.header("Location"), !moved.isEmpty { return .location(url: moved) }
            return self
        case .provisioningState:
            let state = ProvisioningStateBody.read(reply.body) ?? "Succeeded"
            return try Self.settle(state, error: nil, otherwise: self)
        case .gone, .done:
            return self
        }
    }

    /// `Succeeded` ends, `Failed` and `Canceled` throw, anything else keeps `otherwise`.
    private static func settle(_ status: String, error: ARMErrorWire?, otherwise: PollPlan) throws -> PollPlan {
        switch status.lowercased() {
        case "succeeded": return .done
        case "failed", "canceled", "cancelled": throw CLIError.operationFailed(status: status, error: error)
        default: return otherwise
        }
    }

    /// Seconds to wait before the next poll: `Retry-After`, else `retry-after-ms`, else `fallback`;
    /// never more than `limit`, so progress stays visible.
    static func delay(after reply: HTTPReply, fallback: Double = 1, limit: Double = 30) -> Double {
        if let text = reply.header("Retry-After"), let seconds = Double(text.trimmingCharacters(in: .whitespaces)),
            seconds > 0
        {
            return min(seconds, limit)
        }
        for name in ["retry-after-ms", "x-ms-retry-after-ms"] {
            if let text = reply.header(name), let ms = Double(text), ms > 0 { return min(ms / 1000, limit) }
        }
        return fallback
    }
}

/// The fields of an operation status body the poller reads. Local: `OperationStatusWire`
/// requires `id` and `name`, which a status reply need not carry.
struct OperationStatusBody: Decodable {
    var status: String
    var error: ARMErrorWire?
}

/// `properties.provisioningState` of any ARM resource.
struct ProvisioningStateBody: Decodable {
    struct Properties: Decodable { var provisioningState: String? }
    var properties: Properties?

    static func read(_ body: Data) -> String? {
        (try? JSONDecoder().decode(Self.self, from: body))?.properties?.provisioningState
    }
}

extension JSONDecoder {
    /// Decodes, turning a decoding failure into `CLIError.invalidResponse`.
    func decodeOrThrow<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        do { return try decode(type, from: data) } catch {
            throw CLIError.invalidResponse("cannot read \(Value.self): \(error)")
        }
    }
}
