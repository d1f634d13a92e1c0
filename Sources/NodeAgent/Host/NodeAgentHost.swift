import Core
import Foundation
import KubeAPI

/// The simulated kubelets of one cluster. The service calls `sync` with the running VM
/// instances and `tick` about once a second; one pod watch per host (`start`) drives pod
/// stages for every node. Agents never sleep on the clock: each tick compares service-clock
/// instants, so a 30-day jump costs one renewal per node, not 259,200.
public actor NodeAgentHost {
    public let clock: any TimeSource
    public let settings: NodeAgentSettings
    let clientFor: @Sendable (UserInfo) -> KubeClient
    let stages: [PodStage]

    var agents: [String: Kubelet] = [:]
    var faultsByNode: [String: Set<NodeFault>] = [:]
    var pods = PodIndex()
    var podsInFlight: Set<String> = []
    var podsDirty: Set<String> = []
    var nodesNeedingPodResync: Set<String> = []
    var podCIDRs: [String: String] = [:]
    var usedPodCIDRs: Set<String> = []
    var nodesListed = false
    var watchTask: Task<Void, Never>?
    var watchWanted = false
    var watchGeneration = 0
    var counters = NodeAgentCounters()
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// A host whose agents talk to the API through `client` (given each node's user).
    public init(clock: any TimeSource, settings: NodeAgentSettings = .kubelet, client: @escaping @Sendable (UserInfo) -> KubeClient) {
        self.clock = clock
        self.settings = settings
        self.clientFor = client
        self.stages = PodStage.table(settings)
    }

    /// A host for one hosted control plane, on its clock.
    public init(plane: HostedControlPlane, settings: NodeAgentSettings = .kubelet) {
        self.init(clock: plane.clock, settings: settings) { KubeClient(plane: plane, user: $0) }
    }

    // MARK: Desired agents

    /// Runs one agent per spec: new ones register their Node (or update it if it exists),
    /// create their Lease and post status; changed specs re-register; agents whose spec is
    /// gone (VM deallocated, deleted, powered off) stop renewing. Node objects are never deleted.
    public func sync(_ desired: [NodeAgentSpec]) async {
        await acquire()
        if !nodesListed { await learnPodCIDRs() }
        let wanted = Dictionary(desired.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        for name in agents.keys where wanted[name] == nil { agents[name] = nil }
        // In the given order, so that pod CIDRs are handed out deterministically.
        for spec in desired where wanted[spec.name] == spec {
            let name = spec.name
            if var agent = agents[name] {
                guard agent.spec != spec else { continue }
                agent.spec = spec
                agent.registered = false
                agents[name] = agent
            } else {
                agents[name] = Kubelet(
                    spec: spec, client: clientFor(KubeClient.nodeUser(name)), bootID: UUIDv4.make(), podCIDR: podCIDR(for: name))
            }
        }
        await runNodeWork(only: Set(wanted.keys))
        release()
        await runDuePods()
    }

    /// One heartbeat round at the service clock's `now`: renew due Leases, post changed or
    /// stale status, register nodes whose registration failed, run due pod stages.
    public func tick() async {
        startWatchIfNeeded()
        await acquire()
        await runNodeWork(only: nil)
        release()
        await runDuePods()
    }

    /// Prepares each agent's due writes, runs them `writeConcurrency` nodes at a time, applies results.
    private func runNodeWork(only names: Set<String>?) async {
        let now = clock.now()
        var work: [NodeWork] = []
        for (name, agent) in agents where names?.contains(name) ?? true {
            let faults = faultsByNode[name] ?? []
            guard !faults.contains(where: { $0.effect.silent }) else { continue }
            let conditions = NodeConditions.reported(under: faults)
            let due = agent.due(at: now, conditions: conditions, settings: settings)
            guard due.any else { continue }
            var updated = agent
            // Not a ternary: JSON is nil-literal expressible, so `due ? status : nil` posts `null`.
            var status: JSON?
            if due.postStatus { status = updated.status(conditions: conditions, now: now) }
            agents[name] = updated
            work.append(
                NodeWork(
                    spec: agent.spec, client: agent.client, register: due.register, podCIDR: agent.podCIDR, nodeUID: agent.nodeUID,
                    renewAt: due.renewLease ? now : nil, leaseDurationSeconds: settings.leaseDurationSeconds, status: status,
                    conditions: conditions, now: now))
        }
        guard !work.isEmpty else { return }
        let width = settings.writeConcurrency
        let results = await withTaskGroup(of: NodeWorkResult.self, returning: [NodeWorkResult].self) { group in
            var results: [NodeWorkResult] = []
            results.reserveCapacity(work.count)
            for (index, item) in work.enumerated() {
                if index >= width, let done = await group.next() { results.append(done) }
                group.addTask { await item.perform() }
            }
            for await done in group { results.append(done) }
            return results
        }
        for result in results { apply(result) }
    }

    /// A stable per-node offset in [0, interval / 2).
    static func jitter(_ node: String, _ interval: TimeInterval) -> TimeInterval {
        let fraction = Double(UInt64(StableID.hex("jitter/\(node)", length: 8), radix: 16) ?? 0) / Double(UInt64(1) << 32)
        return fraction * interval / 2
    }

    private func apply(_ result: NodeWorkResult) {
        guard var agent = agents[result.name] else { return }
        if result.registered {
            agent.registered = true
            agent.nodeUID = result.nodeUID
            if !result.podCIDR.isEmpty {
                agent.podCIDR = result.podCIDR
                podCIDRs[result.name] = result.podCIDR
                usedPodCIDRs.insert(result.podCIDR)
            }
            counters.registrations += 1
            nodesNeedingPodResync.insert(result.name)
        }
        if result.leaseRenewed {
            // Nodes registered together would renew together forever; as the kubelet's jitter
            // does, the first renewal after registration comes up to half an interval early.
            agent.leaseRenewedAt = result.registered ? result.now.addingTimeInterval(-Self.jitter(result.name, settings.leaseRenewInterval)) : result.now
            counters.leaseRenewals += 1
        }
        if result.statusPosted {
            agent.posted = result.conditions
            agent.statusPostedAt = result.now
            counters.statusPosts += 1
        }
        if result.nodeMissing { agent.registered = false }
        if let error = result.error {
            counters.errors += 1
            counters.lastError = "\(result.name): \(error)"
        }
        agents[result.name] = agent
    }

    // MARK: Serialising sync and tick

    private func acquire() async {
        while busy { await withCheckedContinuation { waiters.append($0) } }
        busy = true
    }

    private func release() {
        busy = false
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }
}
