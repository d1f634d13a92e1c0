/// A failed Kubernetes API request, rendered as a `Status` object with the reason and code
/// kubectl shows (`Error from server (NotFound): configmaps "x" not found`).
public struct KubeError: Error, Sendable, CustomStringConvertible {
    public let code: Int
    public let reason: String
    public let message: String
    public var details: JSON?

    public init(code: Int, reason: String, message: String, details: JSON? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
    }

    public var description: String { "\(code) \(reason): \(message)" }

    /// The `Status` object sent as the body.
    public var status: JSON {
        var status: JSON = [
            "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
            "message": .string(message), "reason": .string(reason), "code": .int(Int64(code)),
        ]
        if let details { status["details"] = details }
        return status
    }

    static func details(_ type: ResourceType, _ name: String) -> JSON {
        var details: JSON = ["name": .string(name), "kind": .string(type.resource)]
        if !type.group.isEmpty { details["group"] = .string(type.group) }
        return details
    }

    public static func notFound(_ type: ResourceType, _ name: String) -> KubeError {
        KubeError(code: 404, reason: "NotFound", message: "\(type.qualifiedName) \"\(name)\" not found", details: details(type, name))
    }

    public static func alreadyExists(_ type: ResourceType, _ name: String) -> KubeError {
        KubeError(code: 409, reason: "AlreadyExists", message: "\(type.qualifiedName) \"\(name)\" already exists", details: details(type, name))
    }

    /// Optimistic concurrency: the update named an older resourceVersion.
    public static func conflict(_ type: ResourceType, _ name: String) -> KubeError {
        KubeError(
            code: 409, reason: "Conflict",
            message: "Operation cannot be fulfilled on \(type.qualifiedName) \"\(name)\": the object has been modified; please apply your changes to the latest version and try again",
            details: details(type, name))
    }

    /// 422 with the offending field, as upstream validation reports it.
    public static func invalid(_ type: ResourceType, _ name: String, field: String, message: String) -> KubeError {
        var details = details(type, name)
        details["kind"] = .string(type.kind)
        details["causes"] = [["reason": "FieldValueInvalid", "message": .string(message), "field": .string(field)]]
        return KubeError(
            code: 422, reason: "Invalid", message: "\(type.kind) \"\(name)\" is invalid: \(field): \(message)", details: details)
    }

    public static func badRequest(_ message: String) -> KubeError {
        KubeError(code: 400, reason: "BadRequest", message: message)
    }

    public static func forbidden(_ message: String) -> KubeError {
        KubeError(code: 403, reason: "Forbidden", message: message)
    }

    public static let unauthorized = KubeError(code: 401, reason: "Unauthorized", message: "Unauthorized")

    public static func methodNotAllowed(_ message: String) -> KubeError {
        KubeError(code: 405, reason: "MethodNotAllowed", message: message)
    }

    public static func unsupportedMediaType(_ contentType: String) -> KubeError {
        KubeError(code: 415, reason: "UnsupportedMediaType", message: "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (got \(contentType))")
    }

    /// The path names no served resource.
    public static func pathNotFound(_ path: String) -> KubeError {
        KubeError(code: 404, reason: "NotFound", message: "the server could not find the requested resource", details: ["causes": [["reason": "UnexpectedServerResponse", "message": .string(path)]]])
    }

    /// A watch or list from a resourceVersion older than the compaction point.
    public static func expired(_ message: String) -> KubeError {
        KubeError(code: 410, reason: "Expired", message: message)
    }

    public static func tooManyRequests(_ message: String) -> KubeError {
        KubeError(code: 429, reason: "TooManyRequests", message: message)
    }

    public static func unavailable(_ message: String) -> KubeError {
        KubeError(code: 503, reason: "ServiceUnavailable", message: message)
    }

    public static func internalError(_ message: String) -> KubeError {
        KubeError(code: 500, reason: "InternalError", message: "Internal error occurred: \(message)")
    }
}
