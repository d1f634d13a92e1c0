import ClusterControllers
import Core
import Foundation
import Infrastructure
import KubeAPI
import Logging
import ManagementStore
import NodeAgent

/// The agent nodes of every running cluster on this replica: per cluster, the simulated
/// kubelets (`NodeAgentHost`, one agent per running VM of its scale sets) and the controllers
/// that run workloads on them (`ClusterControllerSet`: scheduler, ReplicaSet, Deployment,
/// DaemonSet, node lifecycle).
///
/// Time: each attached cluster has its own loop that ticks about once a second of wall time,
/// agents first and then controllers with the same service-clock instant, so a healthy node's Lease is
/// renewed before the node lifecycle controller looks at it, and a jump of the simulated
/// clock costs one round, not one per elapsed interval (decision 006).
/// IaaS changes (`Infrastructure.changes()`) re-sync the affected cluster's agents at once.
public actor NodeSimulation {
    struct Cluster {
        let id: ClusterID
        let plane: HostedControlPlane
        let group: NodeResourceGroup
        let agents: NodeAgentHost
        let controllers: ClusterControllerSet
        /// The cluster's own heartbeat loop: a slow cluster never delays another's renewals.
        var heartbeat: Task<Void, Never>?
    }

    let store: any ManagementStore
    let infrastructure: Infrastructure
    /// Where restarted control planes are found (the health controller restarts failed datastores).
    let controlPlanes: HostedControlPlanes?
    let sizes: VMSizeCatalog
    let settings: NodeAgentSettings
    let logger: Logger
    private var clusters: [String: Cluster] = [:]
    /// Computer names of each cluster's VMs at its last sync: a VM that disappears has its Node deleted.
    private var knownInstances: [String: Set<String>] = [:]
    /// Wall seconds between heartbeat rounds of a cluster.
    let tickInterval: TimeInterval
    /// Paces the heartbeat and maintenance loops: wall time, like the health loop (decision 006).
    let pacing: any TimeSource

    public init(
        store: any ManagementStore, infrastructure: Infrastructure, controlPlanes: HostedControlPlanes? = nil, sizes: VMSizeCatalog = .standard,
        settings: NodeAgentSettings = .kubelet, tickInterval: TimeInterval = 1, pacing: any TimeSource = SystemClock(),
        logger: Logger = Logger(label: "hm.nodes")
    ) {
        self.tickInterval = tickInterval
        self.pacing = pacing
        self.store = store
        self.infrastructure = infrastructure
        self.controlPlanes = controlPlanes
        self.sizes = sizes
        self.settings = settings
        self.logger = logger
    }

    /// Starts the cluster's agents and controllers, replacing earlier ones (a restarted control
    /// plane has a new datastore), and registers its running VMs.
    public func attach(_ cluster: ManagedClusterRecord, plane: HostedControlPlane) async {
        let uid = cluster.status.resourceUID
        if let old = clusters[uid] { await stop(old) }
        let group = NodeResourceGroup(cluster: cluster.id, location: cluster.location, name: cluster.spec.nodeResourceGroup.isEmpty ? nil : cluster.spec.nodeResourceGroup)
        knownInstances[uid] = nil
        await launch(Cluster(
            id: cluster.id, plane: plane, group: group, agents: NodeAgentHost(plane: plane, settings: settings),
            controllers: ClusterControllerSet(plane: plane, clock: plane.clock)))
    }

    /// Starts an entry's agents, controllers and heartbeat loop, and registers its VMs.
    private func launch(_ entry: Cluster) async {
        var entry = entry
        await entry.agents.start()
        await entry.controllers.start()
        let (agents, controllers, interval, pacing) = (entry.agents, entry.controllers, tickInterval, pacing)
        entry.heartbeat = Task {
            while !Task.isCancelled {
                await agents.tick()
                await controllers.tick()
                try? await pacing.sleep(seconds: interval)
            }
        }
        clusters[entry.plane.clusterUID] = entry
        await sync(entry)
    }

    /// Stops the cluster's agents and controllers (stop, delete, or the control plane moved).
    public func detach(clusterUID uid: String) async {
        guard let entry = clusters.removeValue(forKey: uid) else { return }
        knownInstances[uid] = nil
        await stop(entry)
    }

    private func stop(_ entry: Cluster) async {
        entry.heartbeat?.cancel()
        await entry.heartbeat?.value
        await entry.agents.stop()
        await entry.controllers.stop()
    }

    /// The cluster's agent host (fault injection, counters).
    public func agents(clusterUID uid: String) -> NodeAgentHost? { clusters[uid]?.agents }

    /// The cluster's hosted API, as the service's own components reach it.
    public func plane(clusterUID uid: String) -> HostedControlPlane? { clusters[uid]?.plane }

    public var attachedClusters: [String] { clusters.keys.sorted() }

    /// Re-reads the cluster's scale sets and runs one agent per running VM.
    public func sync(clusterUID uid: String) async {
        guard let entry = clusters[uid] else { return }
        await sync(entry)
    }

    private func sync(_ entry: Cluster) async {
        do {
            let scaleSets = try await infrastructure.scaleSets(in: entry.group)
            let pools = Dictionary(try await store.agentPools(of: entry.id).map { ($0.id.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
            let specs = scaleSets.flatMap { scaleSet in
                scaleSet.instances.filter { $0.powerState == .running }.map { instance in
                    NodeSpecs.spec(instance, of: scaleSet, pool: pools[scaleSet.poolName.lowercased()], group: entry.group, sizes: sizes)
                }
            }
            await entry.agents.sync(specs)
            let existing = Set(scaleSets.flatMap { $0.instances.map(\.computerName) })
            let uid = entry.plane.clusterUID
            if let known = knownInstances[uid] {
                let gone = known.subtracting(existing)
                if !gone.isEmpty { try await NodeDrain.deleteNodes(entry.plane, gone.sorted()) }
            } else {
                try await NodeSpecs.deleteNodesWithoutVM(entry.plane, group: entry.group, existing: existing)
            }
            knownInstances[uid] = existing
        } catch {
            guard !Task.isCancelled else { return }  // shutting down: the next start re-syncs
            logger.warning("node sync failed", metadata: ["cluster": "\(entry.id)", "error": "\(error)"])
        }
    }

    /// One heartbeat round for every cluster now: agents, then controllers, clusters in
    /// parallel (the per-cluster loops do this on their own every `tickInterval`).
    public func tickAll() async {
        await followRestarts()
        let entries = Array(clusters.values)
        await withTaskGroup(of: Void.self) { group in
            for entry in entries {
                group.addTask {
                    await entry.agents.tick()
                    await entry.controllers.tick()
                }
            }
        }
    }

    /// The maintenance loop: follows restarted control planes every `interval` and re-syncs
    /// every cluster every `resyncInterval` (changes made through another replica).
    private nonisolated func maintain(interval: TimeInterval, resyncInterval: TimeInterval) async {
        let roundsPerResync = max(1, Int(resyncInterval / interval))
        var round = 0
        while !Task.isCancelled {
            await followRestarts()
            round += 1
            if round % roundsPerResync == 0 {
                for uid in await attachedClusters { await sync(clusterUID: uid) }
            }
            try? await pacing.sleep(seconds: interval)
        }
    }

    /// Moves a cluster's agents and controllers to its restarted control plane (new datastore).
    private func followRestarts() async {
        guard let controlPlanes else { return }
        for (uid, entry) in clusters {
            guard let current = await controlPlanes.controlPlane(uid), current.startID != entry.plane.startID else { continue }
            await stop(entry)
            await launch(Cluster(
                id: entry.id, plane: current, group: entry.group, agents: NodeAgentHost(plane: current, settings: settings),
                controllers: ClusterControllerSet(plane: current, clock: current.clock)))
        }
    }

    /// Syncs the clusters whose node resource group (`subscription/resourcegroup`) changed.
    func changed(_ key: String) async {
        for entry in clusters.values where entry.group.key == key {
            await sync(entry)
        }
    }

    /// Runs until cancelled: reacts to IaaS changes, follows restarted control planes, and
    /// re-syncs every cluster every `resyncInterval`. Heartbeats run in each cluster's own loop.
    public nonisolated func run(changes: AsyncStream<String>, interval: TimeInterval = 1, resyncInterval: TimeInterval = 30) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                // A stream hands out what it buffered even after cancellation: stop at once.
                for await key in changes {
                    if Task.isCancelled { break }
                    await self.changed(key)
                }
            }
            group.addTask { await self.maintain(interval: interval, resyncInterval: resyncInterval) }
            await group.next()
            group.cancelAll()
        }
        await stopAll()
    }

    /// Stops every cluster's heartbeat loop, agents and controllers (the service shuts down;
    /// the clusters re-attach when the next process starts).
    func stopAll() async {
        let entries = clusters.values
        clusters.removeAll()
        knownInstances.removeAll()
        for entry in entries { await stop(entry) }
    }
}
