import Core
import Hummingbird
import Wire

/// Maps domain errors to ARM's status codes and error codes: the one place that does.
enum ARMErrorMapping {
    static func wire(for error: ServiceError) -> (HTTPResponse.Status, ARMErrorWire) {
        let message = error.description
        switch error {
        case .invalidParameter(let target, _):
            return (.badRequest, ARMErrorWire(code: "InvalidParameter", message: message, target: target))
        case .unsupportedProperty(let target):
            return (.badRequest, ARMErrorWire(code: "UnsupportedProperty", message: message, target: target))
        case .missingParameter(let target):
            return (.badRequest, ARMErrorWire(code: "InvalidParameter", message: message, target: target))
        case .invalidRequestContent:
            return (.badRequest, ARMErrorWire(code: "InvalidRequestContent", message: message))
        case .kubernetesVersionNotSupported(let target, _, _):
            return (.badRequest, ARMErrorWire(code: "K8sVersionNotSupported", message: message, target: target))
        case .reservedMetadata(let target, _):
            return (.badRequest, ARMErrorWire(code: "SystemMetadataProtected", message: message, target: target))
        case .notFound(let kind, _):
            return (.notFound, ARMErrorWire(code: kind == "subscription" ? "SubscriptionNotFound" : "ResourceNotFound", message: message))
        case .operationInProgress, .conflict:
            return (.conflict, ARMErrorWire(code: "OperationNotAllowed", message: message))
        case .preconditionFailed:
            return (.preconditionFailed, ARMErrorWire(code: "PreconditionFailed", message: message))
        case .unauthenticated:
            return (.unauthorized, ARMErrorWire(code: "AuthenticationFailed", message: message))
        case .forbidden:
            return (.forbidden, ARMErrorWire(code: "AuthorizationFailed", message: message))
        case .subscriptionNotUsable:
            return (.conflict, ARMErrorWire(code: "ReadOnlyDisabledSubscription", message: message))
        case .internalFailure:
            return (.internalServerError, ARMErrorWire(code: "InternalServerError", message: message))
        }
    }
}
