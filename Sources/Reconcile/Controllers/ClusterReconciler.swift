import Core
import Foundation
import Logging
import ManagementStore

/// Drives one cluster (and its agent pools) from its recorded desired state to the
/// observed state, one idempotent step per pass. Level-based: it reads everything it needs
/// from the store, so running it twice changes nothing and a restart loses nothing.
public struct ClusterReconciler: Sendable {
    let store: any ManagementStore
    let clock: any TimeSource
    /// How long each provisioning step takes on the service clock (simulated provisioning time).
    let stepDuration: TimeInterval
    let environment: ProvisioningEnvironment
    let nodeImages: NodeImageCatalog
    let steps: [ProvisioningStep]
    let logger: Logger

    public init(
        store: any ManagementStore, clock: any TimeSource, stepDuration: TimeInterval, environment: ProvisioningEnvironment,
        nodeImages: NodeImageCatalog = .standard, steps: [ProvisioningStep] = ProvisioningStep.clusterSteps,
        logger: Logger = Logger(label: "hm.reconcile.cluster")
    ) {
        self.store = store
        self.clock = clock
        self.stepDuration = stepDuration
        self.environment = environment
        self.nodeImages = nodeImages
        self.steps = steps
        self.logger = logger
    }

    /// One pass over the cluster `id`.
    public func reconcile(_ id: ClusterID, operationID: String? = nil) async throws -> ReconcileResult {
        guard var cluster = try await store.cluster(id) else { return .done }
        if cluster.deletionRequestedAt != nil {
            try await clock.sleep(seconds: stepDuration)
            try await environment.stopControlPlane(cluster, destroy: true)
            try await environment.infrastructure?.deleteNodeResourceGroup(environment.nodeResourceGroup(cluster))
            try await store.deleteCluster(id)
            try await store.appendEvents([event(cluster, "Deleted", "Released the control plane and node resource group", operationID)])
            return .done
        }
        if cluster.status.observedGeneration != cluster.generation,
            let next = steps.first(where: { !cluster.status.completedSteps.contains($0.name) })
        {
            try await clock.sleep(seconds: stepDuration)
            try await next.apply(&cluster, environment)
            cluster.status.completedSteps.append(next.name)
            try await save(cluster, events: [event(cluster, next.name, next.summary, operationID)])
            return .requeue(after: 0)
        }
        // Start: the control plane first, so the nodes have an API to register with.
        // Stop: the nodes first (deallocated), then the control plane.
        let startingPlane = cluster.desiredPowerState == .running && cluster.status.powerState != .running
        if !startingPlane, let result = try await reconcilePools(cluster, operationID: operationID) {
            return result
        }
        if cluster.status.powerState != cluster.desiredPowerState {
            try await clock.sleep(seconds: stepDuration)
            // Stop releases the control plane's memory and handles but keeps its data (L1).
            if cluster.desiredPowerState == .running {
                try await environment.startControlPlane(cluster)
            } else {
                try await environment.stopControlPlane(cluster, destroy: false)
            }
            cluster.status.powerState = cluster.desiredPowerState
            let what = cluster.desiredPowerState == .running ? "Started" : "Stopped"
            try await save(cluster, events: [event(cluster, what, "\(what) the control plane", operationID)])
            return .requeue(after: 0)
        }
        if startingPlane, let result = try await reconcilePools(cluster, operationID: operationID) {
            return result
        }
        if cluster.status.observedGeneration != cluster.generation || cluster.status.provisioningState != .succeeded {
            cluster.status.observedGeneration = cluster.generation
            cluster.status.completedSteps = []
            cluster.status.provisioningState = .succeeded
            try await save(cluster, events: [event(cluster, "Succeeded", "Cluster reached its desired state", operationID)])
        }
        return .done
    }

    /// Removes pools marked for deletion and brings the others to their count, version and
    /// power state: their scale sets through the IaaS layer, and the operation waits until
    /// the nodes are Ready in the hosted API. Returns nil when every pool is already there.
    private func reconcilePools(_ cluster: ManagedClusterRecord, operationID: String?) async throws -> ReconcileResult? {
        let pools = try await store.agentPools(of: cluster.id)
        if let doomed = pools.first(where: { $0.deletionRequestedAt != nil }) {
            try await clock.sleep(seconds: stepDuration)
            try await removeNodes(cluster, pool: doomed)
            try await store.commit(
                ClusterCommit(removedPools: [doomed.id.name], events: [event(cluster, "AgentPoolDeleted", "Deleted agent pool \(doomed.id.name)", operationID)]),
                for: cluster.id)
            return .requeue(after: 0)
        }
        for var pool in pools {
            let wantRunning = cluster.desiredPowerState == .running
            let desiredReady = wantRunning ? pool.spec.count : 0
            let upToDate = pool.status.observedGeneration == pool.generation && pool.status.readyCount == desiredReady
                && pool.status.powerState == cluster.desiredPowerState && pool.status.provisioningState == .succeeded
            if upToDate { continue }
            if pool.status.appliedGeneration != pool.generation || pool.status.powerState != cluster.desiredPowerState {
                try await clock.sleep(seconds: stepDuration)
            }
            if pool.status.nodeImageVersion == nil {
                pool.status.nodeImageVersion = nodeImages.latest(osSKU: pool.spec.osSKU)
            }
            var ready = desiredReady
            if environment.infrastructure != nil {
                switch try await applyNodes(cluster, &pool, operationID: operationID) {
                case .waiting(let count):
                    if pool.status.readyCount != count {
                        pool.status.readyCount = count
                        try await store.commit(ClusterCommit(pools: [pool]), for: cluster.id)
                    }
                    return .requeue(after: 1)
                case .failed(let error):
                    return .failed(error)
                case .ready(let count):
                    ready = count
                }
            }
            pool.status.readyCount = ready
            pool.status.powerState = cluster.desiredPowerState
            pool.status.currentOrchestratorVersion = pool.spec.orchestratorVersion
            pool.status.observedGeneration = pool.generation
            pool.status.provisioningState = .succeeded
            pool.updatedAt = clock.now()
            let message = "Agent pool \(pool.id.name): \(ready) of \(pool.spec.count) nodes Ready, \(pool.status.powerState.rawValue)"
            try await store.commit(ClusterCommit(pools: [pool], events: [event(cluster, "AgentPoolReconciled", message, operationID)]), for: cluster.id)
            return .requeue(after: 0)
        }
        return nil
    }

    private func save(_ cluster: ManagedClusterRecord, events: [EventRecord]) async throws {
        var cluster = cluster
        cluster.updatedAt = clock.now()
        try await store.commit(ClusterCommit(cluster: cluster, events: events), for: cluster.id)
    }

    private func event(_ cluster: ManagedClusterRecord, _ reason: String, _ message: String, _ operationID: String?) -> EventRecord {
        EventRecord(resourceKey: cluster.id.key, time: clock.now(), reason: reason, message: message, operationID: operationID)
    }
}
