import Core
import Foundation
import HTTPTypes
import Hummingbird
import ManagementStore
import Wire

/// Location-level resources: the Kubernetes version list and operation status / results.
enum LocationHandlers {
    static let base = "subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/locations/{location}"

    static var routes: [Route] {
        [
            Route(.get, "\(base)/kubernetesVersions", name: "locations/kubernetesVersions", handler: kubernetesVersions),
            Route(.get, "\(base)/operations/{operationId}", name: "locations/operationStatus", handler: operationStatus),
            Route(.get, "\(base)/operationStatus/{operationId}", name: "locations/operationStatus", handler: operationStatus),
            Route(.get, "\(base)/operationresults/{operationId}", name: "locations/operationResult", handler: operationResult),
        ]
    }

    static func kubernetesVersions(_ call: APICall) async throws -> Response {
        try call.requireSubscription(call.param("subscriptionId"))
        let catalogs = call.env.catalogs(call.env.clock.now())
        let values = catalogs.versions.supported(at: catalogs.now).map { minor in
            KubernetesVersionWire(
                version: minor.minor, isDefault: minor.minor == catalogs.versions.defaultMinor ? true : nil,
                isPreview: minor.isPreview ? true : nil, capabilities: .init(supportPlan: ["KubernetesOfficial"]),
                patchVersions: Dictionary(uniqueKeysWithValues: minor.patches.map {
                    ($0, KubernetesVersionWire.PatchVersion(upgrades: catalogs.versions.upgrades(from: $0, at: catalogs.now)))
                }))
        }
        return try JSONResponse.make(.ok, KubernetesVersionListWire(values: values))
    }

    static func operation(_ call: APICall) async throws -> OperationRecord {
        try call.requireSubscription(call.param("subscriptionId"))
        guard let operation = try await call.env.store.operation(call.param("operationId")),
            operation.cluster.subscription.lowercased() == call.param("subscriptionId").lowercased()
        else {
            throw ServiceError.notFound(kind: "operation", name: call.param("operationId"))
        }
        return operation
    }

    static func operationStatus(_ call: APICall) async throws -> Response {
        let operation = try await operation(call)
        var headers = HTTPFields()
        if operation.state == .inProgress { headers[LROHeaders.retryAfter] = LROHeaders.pollSeconds }
        return try JSONResponse.make(.ok, wire(operation), headers: headers)
    }

    /// The `Location` poll: 202 while running, 204 when done, the operation's error when it failed.
    static func operationResult(_ call: APICall) async throws -> Response {
        let operation = try await operation(call)
        switch operation.state {
        case .inProgress:
            var headers = HTTPFields()
            headers[.location] = LROHeaders.resultURL(call, operation)
            headers[LROHeaders.retryAfter] = LROHeaders.pollSeconds
            return JSONResponse.empty(.accepted, headers: headers)
        case .succeeded:
            return JSONResponse.empty(.noContent)
        case .failed, .canceled:
            let error = operation.error ?? OperationError(code: "OperationFailed", message: "The operation \(operation.state.rawValue.lowercased()).")
            return JSONResponse.error(.badRequest, ARMErrorWire(code: error.code, message: error.message))
        }
    }

    static func wire(_ operation: OperationRecord) -> OperationStatusWire {
        OperationStatusWire(
            id: "/subscriptions/\(operation.cluster.subscription)/providers/Microsoft.ContainerService/locations/\(operation.location)/operations/\(operation.id)",
            name: operation.id, status: operation.state.rawValue, startTime: ARMTime.string(from: operation.startTime),
            endTime: operation.endTime.map(ARMTime.string(from:)), resourceId: operation.cluster.armID,
            error: operation.error.map { ARMErrorWire(code: $0.code, message: $0.message) })
    }
}
