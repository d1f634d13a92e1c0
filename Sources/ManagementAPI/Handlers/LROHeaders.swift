import HTTPTypes
import Hummingbird
import ManagementStore

/// Headers of a long-running operation's first answer: where to poll, and how soon.
enum LROHeaders {
    static let asyncOperation = HTTPField.Name("Azure-AsyncOperation")!
    static let retryAfter = HTTPField.Name("Retry-After")!
    /// Seconds between polls we ask clients for (the SDK waits 30 s without it).
    static let pollSeconds = "1"

    static func statusURL(_ call: APICall, _ operation: OperationRecord) -> String {
        "\(call.baseURL)/subscriptions/\(operation.cluster.subscription)/providers/Microsoft.ContainerService/locations/\(operation.location)/operations/\(operation.id)?api-version=\(call.apiVersion)"
    }

    static func resultURL(_ call: APICall, _ operation: OperationRecord) -> String {
        "\(call.baseURL)/subscriptions/\(operation.cluster.subscription)/providers/Microsoft.ContainerService/locations/\(operation.location)/operationresults/\(operation.id)?api-version=\(call.apiVersion)"
    }

    static func make(_ call: APICall, _ operation: OperationRecord) -> HTTPFields {
        var fields = HTTPFields()
        fields[asyncOperation] = statusURL(call, operation)
        fields[.location] = resultURL(call, operation)
        fields[retryAfter] = pollSeconds
        return fields
    }
}
