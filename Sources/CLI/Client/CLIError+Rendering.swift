import Foundation

/// How errors read on stderr; the ARM form follows `az`: `ERROR: (Code) message` then `Target: x`.
extension CLIError {
    var exitCode: Int32 {
        if case .usage = self { return 2 }
        return 1
    }

    var rendered: String {
        switch self {
        case .usage(let message):
            return "ERROR: \(message)"
        case .arm(_, let error):
            var text = "ERROR: (\(error.code)) \(error.message)"
            if let target = error.target, !target.isEmpty { text += "\nTarget: \(target)" }
            for detail in error.details ?? [] {
                text += "\n  (\(detail.code)) \(detail.message)"
            }
            return text
        case .http(let status, let body):
            let excerpt = body.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500)
            return "ERROR: the server answered HTTP \(status)" + (excerpt.isEmpty ? "" : ": \(excerpt)")
        case .operationFailed(let status, let error):
            guard let error else { return "ERROR: the operation ended \(status)" }
            return CLIError.arm(status: 200, error).rendered
        case .unreachable(let server, let reason):
            return "ERROR: cannot reach the management API at \(server): \(reason)"
        case .invalidResponse(let message):
            return "ERROR: unexpected response from the server: \(message)"
        case .local(let message):
            return "ERROR: \(message)"
        }
    }
}
