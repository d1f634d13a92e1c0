import ControlPlaneStore
import Foundation
import KubeAPI
import Logging

/// CP1: checks every running control plane's components and restarts what failed, without
/// customer action: a datastore that stopped answering is closed and reopened (for etcd, once
/// the supervisor has restarted the process), missing DNS add-on objects are recreated.
/// Each pass records the result, which the provider reads at `GET /admin/controlPlanes`.
public struct ControlPlaneHealthController: Sendable {
    /// Wall-clock seconds between passes (health is about processes and files, like leases).
    public static let interval: Double = 30

    let datastores: ClusterDatastores
    let controlPlanes: HostedControlPlanes
    let logger: Logger

    public init(datastores: ClusterDatastores, controlPlanes: HostedControlPlanes, logger: Logger) {
        self.datastores = datastores
        self.controlPlanes = controlPlanes
        self.logger = logger
    }

    /// One pass over every running control plane.
    public func pass() async {
        for uid in await controlPlanes.runningClusters {
            if Task.isCancelled { return }
            await check(uid)
        }
    }

    func check(_ uid: String) async {
        var components = await controlPlanes.probe(clusterUID: uid)
        // Shutting down: the datastores are closing, which is not a failure to repair.
        guard !Task.isCancelled else { return }
        guard components.contains(where: { !$0.healthy }), let plane = await controlPlanes.controlPlane(uid) else {
            await controlPlanes.record(clusterUID: uid, components: components, restarted: false)
            return
        }
        logger.warning("control plane unhealthy; restarting", metadata: ["cluster": "\(uid)", "components": "\(components.filter { !$0.healthy })"])
        var restarted = false
        do {
            if components.contains(where: { $0.component == "datastore" && !$0.healthy }) {
                try? await datastores.close(cluster: uid)
            }
            let datastore = try await datastores.open(cluster: uid)
            try await controlPlanes.start(clusterUID: uid, kubernetesVersion: plane.kubernetesVersion, datastore: datastore)
            restarted = true
            components = await controlPlanes.probe(clusterUID: uid)
        } catch {
            guard !Task.isCancelled else { return }  // shutting down mid-restart: the next start reopens it
            logger.error("control plane restart failed; retrying next pass", metadata: ["cluster": "\(uid)", "error": "\(error)"])
        }
        await controlPlanes.record(clusterUID: uid, components: components, restarted: restarted)
    }
}
