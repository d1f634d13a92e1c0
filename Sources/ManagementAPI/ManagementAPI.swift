import Hummingbird
import Logging

/// The management API: ARM routes for Microsoft.ContainerService, the provider's `/admin`
/// API and platform endpoints, as one `HTTPResponder`.
public enum ManagementAPI {
    public static func responder(_ env: APIEnvironment, logger: Logger = Logger(label: "hm.api")) -> ARMResponder {
        let routes: [Route] =
            ManagedClusterHandlers.routes + AgentPoolHandlers.routes + ClusterAccessHandlers.routes + LocationHandlers.routes
            + SubscriptionHandlers.routes + AdminHandlers.routes + PlatformHandlers.routes
            + IaaSScaleSetHandlers.routes + IaaSInstanceHandlers.routes + IaaSNetworkHandlers.routes + IaaSSecurityHandlers.routes
            + SupportabilityHandlers.routes + NodeFaultHandlers.routes
        return ARMResponder(routes: routes, env: env, logger: logger)
    }
}
