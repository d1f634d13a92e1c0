import Core
import Foundation
import Wire

/// Request bodies are read into `ARMJSON` (exact: booleans are not numbers) for the schema checks.
extension ARMJSON {
    /// Parses a request body; malformed JSON is an `InvalidRequestContent` error.
    static func parse(_ data: Data) throws(ServiceError) -> ARMJSON {
        guard !data.isEmpty else { throw .invalidRequestContent(message: "The request body is empty; a JSON object is required.") }
        do {
            return try JSONDecoder().decode(ARMJSON.self, from: data)
        } catch {
            throw .invalidRequestContent(message: "The request body is not valid JSON: \(Self.describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
        default:
            return "\(error)"
        }
    }
}
