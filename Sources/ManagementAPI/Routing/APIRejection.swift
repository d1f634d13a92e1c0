import Hummingbird
import Wire

/// A request refused at the HTTP edge before any domain code runs (no route, bad
/// api-version, body too large, wrong content type).
struct APIRejection: Error {
    let status: HTTPResponse.Status
    let error: ARMErrorWire

    static func missingAPIVersion(supported: [String] = APIVersions.supported) -> APIRejection {
        APIRejection(status: .badRequest, error: ARMErrorWire(
            code: "MissingApiVersionParameter",
            message: "The api-version query parameter (?api-version=) is required for all requests. Supported versions: \(supported.joined(separator: ", ")).",
            target: "api-version"))
    }

    static func unsupportedAPIVersion(_ version: String, supported: [String] = APIVersions.supported) -> APIRejection {
        APIRejection(status: .badRequest, error: ARMErrorWire(
            code: "InvalidApiVersionParameter",
            message: "The api-version '\(version)' is invalid. The supported versions are '\(supported.joined(separator: ","))'.",
            target: "api-version"))
    }

    static func noRoute(_ method: String, _ path: String) -> APIRejection {
        APIRejection(status: .notFound, error: ARMErrorWire(code: "NotFound", message: "No such API: \(method) \(path)."))
    }

    static func methodNotAllowed(_ method: String, _ path: String) -> APIRejection {
        APIRejection(status: .methodNotAllowed, error: ARMErrorWire(code: "MethodNotAllowed", message: "The method \(method) is not allowed on \(path)."))
    }

    static func tooLarge(_ limit: Int) -> APIRejection {
        APIRejection(status: .contentTooLarge, error: ARMErrorWire(code: "RequestEntityTooLarge", message: "The request body is larger than the limit of \(limit) bytes."))
    }

    static func unsupportedMediaType(_ type: String) -> APIRejection {
        APIRejection(status: .unsupportedMediaType, error: ARMErrorWire(
            code: "UnsupportedMediaType", message: "The content type '\(type)' is not supported; send application/json."))
    }
}
