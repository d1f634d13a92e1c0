import Core
import Hummingbird
import ManagementStore
import Wire

/// `GET /subscriptions` and `GET /subscriptions/{id}`: what `az login` lists. Any api-version.
enum SubscriptionHandlers {
    static var routes: [Route] {
        [
            Route(.get, "subscriptions", name: "subscriptions/list", versioned: false, handler: list),
            Route(.get, "subscriptions/{subscriptionId}", name: "subscriptions/get", versioned: false, handler: get),
            Route(.get, "providers/Microsoft.ContainerService/operations", name: "provider/operations", versioned: false, handler: providerOperations),
        ]
    }

    static func wire(_ s: SubscriptionRecord) -> SubscriptionWire {
        SubscriptionWire(id: "/subscriptions/\(s.id)", subscriptionId: s.id, tenantId: s.tenantID, displayName: s.displayName, state: s.state.rawValue)
    }

    static func list(_ call: APICall) async throws -> Response {
        let caller = call.caller
        let all = try await call.env.store.subscriptions(tenantID: caller.isAdmin ? nil : caller.tenantID)
        let visible = all.filter { caller.canAccess(subscription: $0.id) }
        return try JSONResponse.make(.ok, ListResultWire(value: visible.map(wire)))
    }

    static func get(_ call: APICall) async throws -> Response {
        let id = call.param("subscriptionId")
        try call.requireSubscription(id)
        guard let record = try await call.env.store.subscription(id) else { throw ServiceError.notFound(kind: "subscription", name: id) }
        return try JSONResponse.make(.ok, wire(record))
    }

    struct OperationWire: Codable, Sendable, Equatable {
        struct Display: Codable, Sendable, Equatable {
            var provider: String
            var resource: String
            var operation: String
        }
        var name: String
        var display: Display
        var origin: String
    }

    static func providerOperations(_ call: APICall) async throws -> Response {
        let names = [
            ("managedClusters/read", "Get or list managed clusters"), ("managedClusters/write", "Create or update a managed cluster"),
            ("managedClusters/delete", "Delete a managed cluster"), ("managedClusters/stop/action", "Stop a managed cluster"),
            ("managedClusters/start/action", "Start a managed cluster"),
            ("managedClusters/listClusterUserCredential/action", "List the cluster user credential"),
            ("managedClusters/listClusterAdminCredential/action", "List the cluster admin credential"),
            ("managedClusters/agentPools/read", "Get or list agent pools"), ("managedClusters/agentPools/write", "Create or update an agent pool"),
            ("managedClusters/agentPools/delete", "Delete an agent pool"), ("locations/kubernetesVersions/read", "List Kubernetes versions"),
        ]
        let value = names.map { name, text in
            OperationWire(name: "Microsoft.ContainerService/\(name)", display: .init(provider: "Microsoft Container Service", resource: name.split(separator: "/").first.map(String.init) ?? name, operation: text), origin: "user,system")
        }
        return try JSONResponse.make(.ok, ListResultWire(value: value))
    }
}
