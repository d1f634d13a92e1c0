import Core
import Foundation
import Infrastructure
import KubeAPI
import ManagementStore
import Operations
import Reconcile

/// The services the management API's handlers use.
public struct APIEnvironment: Sendable {
    public var store: any ManagementStore
    public var clock: any TimeSource
    /// Present when the service runs on a simulated clock (`/admin/clock:advance` works).
    public var simulatedClock: SimulatedClock?
    public var operations: ClusterOperations
    public var tokens: TokenAuthority
    public var catalogs: @Sendable (Date) -> Catalogs
    public var metrics: APIMetrics
    /// `http` or `https`, as this listener serves.
    public var scheme: String
    /// Used for absolute URLs when a request carries no Host.
    public var publicBaseURL: String
    /// Where each cluster's hosted Kubernetes API answers (`--kube-listen`) and its certificate.
    public var kubeAPI: HostedAPIEndpoint
    public var kubeAPIBaseURL: String { kubeAPI.baseURL }
    /// The running clusters' hosted APIs (support access, SEC5); nil when not served.
    public var controlPlanes: HostedControlPlanes?
    /// Drift detection and the supportability report (SUP4); nil when not running.
    public var drift: DriftController?
    /// The running clusters' simulated nodes (fault injection); nil when not running.
    public var nodes: NodeSimulation?
    /// The simulated IaaS behind the direct IaaS API; share one instance with the reconcilers so
    /// that `changes()` hears the API's writes.
    public var infrastructure: Infrastructure
    public var maxBodyBytes: Int
    /// Lifetime of tokens minted by `POST /admin/tokens`.
    public var tenantTokenLifetime: TimeInterval
    /// Lifetime of tokens the managed-identity endpoint hands out.
    public var identityTokenLifetime: TimeInterval

    public init(
        store: any ManagementStore, clock: any TimeSource, simulatedClock: SimulatedClock?, operations: ClusterOperations,
        tokens: TokenAuthority, catalogs: @escaping @Sendable (Date) -> Catalogs = { Catalogs(now: $0) }, metrics: APIMetrics,
        scheme: String, publicBaseURL: String, kubeAPI: HostedAPIEndpoint, infrastructure: Infrastructure? = nil, maxBodyBytes: Int = 4 << 20,
        tenantTokenLifetime: TimeInterval = 365 * 86_400, identityTokenLifetime: TimeInterval = 3_600
    ) {
        self.store = store
        self.clock = clock
        self.simulatedClock = simulatedClock
        self.operations = operations
        self.tokens = tokens
        self.catalogs = catalogs
        self.metrics = metrics
        self.scheme = scheme
        self.publicBaseURL = publicBaseURL
        self.kubeAPI = kubeAPI
        self.infrastructure = infrastructure ?? Infrastructure(store: store, clock: clock)
        self.maxBodyBytes = maxBodyBytes
        self.tenantTokenLifetime = tenantTokenLifetime
        self.identityTokenLifetime = identityTokenLifetime
    }
}
