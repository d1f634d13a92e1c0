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
}

/// The control planes this replica serves, by cluster uid. Provisioning registers a cluster
/// after its datastore and managed objects exist; stop and delete unregister it, so its API
/// answers 503 (stopped) or 404 (unknown) from then on.
public actor HostedControlPlanes {
    private var running: [String: HostedControlPlane] = [:]
    /// Last health check per cluster (`ControlPlaneHealth.swift`).
    var statuses: [String: ControlPlaneStatus] = [:]
    public let clock: any TimeSource

    public init(clock: any TimeSource) {
        self.clock = clock
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
        running[clusterUID] = HostedControlPlane(clusterUID: clusterUID, kubernetesVersion: kubernetesVersion, store: store, clock: clock)
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
