import ControlPlaneStore
import Foundation
import KubeAPI
import Logging
import ManagementStore

/// At start-up, brings back the hosted APIs of the running clusters whose datastore lives on
/// this replica (their data dir has it), so a restart serves them again unchanged.
public enum ControlPlaneRestore {
    /// Restores with `environment`'s datastores and control planes (and node agents, when it has them).
    public static func run(store: any ManagementStore, environment: ProvisioningEnvironment, logger: Logger) async throws {
        let datastores = environment.datastores
        var restored = 0
        for subscription in try await store.subscriptions(tenantID: nil) {
            var offset = 0
            while true {
                let page = try await store.clusters(subscription: subscription.id, resourceGroup: nil, limit: 500, offset: offset)
                for cluster in page where cluster.desiredPowerState == .running && cluster.status.powerState == .running && cluster.deletionRequestedAt == nil {
                    guard datastores.exists(cluster: cluster.status.resourceUID) else { continue }
                    do {
                        try await environment.startControlPlane(cluster)
                        restored += 1
                    } catch {
                        logger.error("could not restore a control plane", metadata: ["cluster": "\(cluster.id.armID)", "error": "\(error)"])
                    }
                }
                if page.count < 500 { break }
                offset += 500
            }
        }
        if restored > 0 { logger.info("restored \(restored) hosted control planes") }
    }
}
