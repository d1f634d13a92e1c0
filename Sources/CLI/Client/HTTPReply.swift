import Foundation
import Wire

/// An HTTP response read in full; header names are lowercased.
struct HTTPReply: Sendable, Equatable {
    var status: Int
    var headers: [String: String]
    var body: Data

    init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    var isSuccess: Bool { (200..<300).contains(status) }

    /// The ARM error this reply carries, or an HTTP error with its text when the body is not one.
    var error: CLIError {
        if let arm = try? JSONDecoder().decode(ARMErrorResponseWire.self, from: body) {
            return .arm(status: status, arm.error)
        }
        return .http(status: status, body: String(decoding: body, as: UTF8.self))
    }
}
