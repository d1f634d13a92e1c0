/// What went wrong, in the domain's words, carrying what the user needs to fix it.
/// The management API maps each case to one ARM error code and HTTP status at the edge.
public enum ServiceError: Error, Sendable, Equatable {
    /// A field holds a value the service does not accept.
    case invalidParameter(target: String, message: String)
    /// A property the service does not support (CP3: customisation is limited).
    case unsupportedProperty(target: String)
    /// A required field is missing.
    case missingParameter(target: String)
    /// The request body is not valid JSON or not the expected shape.
    case invalidRequestContent(message: String)
    /// The Kubernetes version is not in the catalog or outside its support window.
    case kubernetesVersionNotSupported(target: String, version: String, supported: [String])
    /// A change to system-owned metadata (N4: reserved tags and labels).
    case reservedMetadata(target: String, key: String)
    /// The named resource does not exist (or belongs to another tenant).
    case notFound(kind: String, name: String)
    /// Another operation is still running on the resource.
    case operationInProgress(resource: String, operation: String)
    /// The request conflicts with the resource's current state.
    case conflict(message: String)
    /// The resource's eTag does not match If-Match / If-None-Match.
    case preconditionFailed(message: String)
    /// The caller presented no valid credential.
    case unauthenticated(message: String)
    /// The caller is known but may not do this.
    case forbidden(message: String)
    /// The subscription is not in a state that allows writes (suspended, deleted).
    case subscriptionNotUsable(subscription: String, state: String)
    /// A failure inside the service; the message is safe to show.
    case internalFailure(message: String)
}

extension ServiceError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidParameter(let target, let message): return "\(target): \(message)"
        case .unsupportedProperty(let target):
            return "The property '\(target)' is not supported by this service (CP3: only documented settings are accepted)."
        case .missingParameter(let target): return "Required property '\(target)' is missing."
        case .invalidRequestContent(let message): return message
        case .kubernetesVersionNotSupported(_, let version, let supported):
            return "Kubernetes version '\(version)' is not supported. Supported versions: \(supported.joined(separator: ", "))."
        case .reservedMetadata(let target, let key):
            return "'\(key)' in \(target) is system metadata and cannot be set or changed (N4)."
        case .notFound(let kind, let name): return "The \(kind) '\(name)' was not found."
        case .operationInProgress(let resource, let operation):
            return "Operation is not allowed because there's an in-progress \(operation) operation on '\(resource)'. Please wait for it to finish before starting a new operation."
        case .conflict(let message): return message
        case .preconditionFailed(let message): return message
        case .unauthenticated(let message): return message
        case .forbidden(let message): return message
        case .subscriptionNotUsable(let subscription, let state):
            return "Subscription '\(subscription)' is \(state); write operations are not allowed (L5)."
        case .internalFailure(let message): return message
        }
    }
}
