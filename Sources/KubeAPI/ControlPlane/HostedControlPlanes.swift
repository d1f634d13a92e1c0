import ControlPlaneStore
import Core
import Foundation

/// A running cluster's control plane as the API front sees it.
public struct HostedControlPlane: Sendable {
    public let clusterUID: String
    /// Reported by `/version` (kubectl's dispatcher picks its client from the minor).
    public let kubernetesVersion: String
    public let store: ObjectStore
    /// The service clock (ages in tables, JIT expiry, watch timeouts).
    public let clock: any TimeSource
    /// Issues and verifies the cluster's credentials.
    public let authority: ClusterCertificateAuthority
    /// Changes on every (re)start, so components holding a plane notice a restarted datastore.
    public let startID: String
}

/// The control planes this replica serves, by cluster uid. Provisioning registers a cluster
/// after its datastore and managed objects exist; stop and delete unregister it, so its API
/// answers 503 (stopped) or 404 (unknown) from then on.
public actor HostedControlPlanes {
    private var running: [String: HostedControlPlane] = [:]
    /// Last health check per cluster (`ControlPlaneHealth.swift`).
    var statuses: [String: ControlPlaneStatus] = [:]
    public let clock: any TimeSource
    /// `<data-dir>/clusters`: each cluster's CA lives in `{uid}/pki/` there.
    public nonisolated let pkiRoot: String

    public init(clock: any TimeSource, pkiRoot: String) {
        self.clock = clock
        self.pkiRoot = pkiRoot
    }

    /// The cluster's CA, created on first use (also for a stopped cluster: credentials can be
    /// listed while it is stopped).
    public nonisolated func authority(clusterUID: String) throws -> ClusterCertificateAuthority {
        try ClusterCertificateAuthority.ensure(directory: "\(pkiRoot)/\(clusterUID)/pki", clusterUID: clusterUID, now: clock.now())
    }

    /// A kubeconfig token for `role` on the cluster, signed by its CA.
    public nonisolated func issueToken(clusterUID: String, role: String, expiry: Date) throws -> String {
        try authority(clusterUID: clusterUID).issueToken(role: role, issuedAt: clock.now(), expiry: expiry)
    }

    /// Who a bearer token names on a running cluster (nil: not running, not signed by its CA, expired).
    public func user(bearer token: String, clusterUID: String) -> UserInfo? {
        guard let plane = running[clusterUID], let role = plane.authority.verify(token: token, now: clock.now()) else { return nil }
        return KubeUsers.user(forRole: role)
    }

    /// Registers (or re-registers with a new version) a control plane; creates the managed
    /// objects it lacks first (idempotent, CP1).
    public func start(clusterUID: String, kubernetesVersion: String, datastore: any Datastore) async throws {
        let store = ObjectStore(datastore: datastore)
        do {
            try await ManagedObjects.ensure(in: store, now: clock.now())
        } catch {
            try Task.checkCancellation()  // shutting down: not a failure of the control plane
            throw error
        }
        running[clusterUID] = HostedControlPlane(
            clusterUID: clusterUID, kubernetesVersion: kubernetesVersion, store: store, clock: clock, authority: try authority(clusterUID: clusterUID),
            startID: UUIDv4.make())
    }

    public func stop(clusterUID: String) {
        running[clusterUID] = nil
        statuses[clusterUID] = nil
    }

    public func controlPlane(_ clusterUID: String) -> HostedControlPlane? {
        running[clusterUID]
    }

    public var runningClusters: [String] { running.keys.sorted() }
}
