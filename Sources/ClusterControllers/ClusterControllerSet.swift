import Core
import Foundation
import KubeAPI
import Logging

/// The controllers one cluster needs for workloads, as clients of its hosted API: scheduler,
/// ReplicaSet, Deployment, DaemonSet, node lifecycle (with NoExecute eviction) and pod GC.
///
/// Time design: one watch per resource type keeps a cache; a relevant change wakes a pass at
/// once. `tick()`, called by the service about once per wall second right after the node
/// agents' tick with the same service-clock instant, runs a pass that also judges heartbeats
/// and restarts watches that ended; on a quiet tick the workload controllers run only every
/// `workloadResyncSeconds` of service time. Every time decision compares service-clock instants;
/// nothing sleeps, so a jump of the simulated clock costs one pass, not one per interval.
public actor ClusterControllerSet {
    public nonisolated let clusterUID: String
    private let clock: any TimeSource
    private let settings: ClusterControllerSettings
    private let logger: Logger
    private let state: ClusterState
    private let events: EventRecorder
    /// Wakes the pass loop; a new stream per `start()` (a cancelled loop finishes its stream).
    private var wake: AsyncStream<Void>.Continuation?
    private var watches: [String: Task<Void, Never>] = [:]
    private var passLoop: Task<Void, Never>?
    private var passing = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// Service-clock instant the workload controllers last ran.
    private var lastWorkloadPass: Date?
    /// `ClusterState.workloadVersion` when they last started: a pass that writes runs again.
    private var lastWorkloadVersion = -1
    /// Passes run so far (for tests and metrics).
    public private(set) var passCount = 0

    public init(plane: HostedControlPlane, clock: any TimeSource, settings: ClusterControllerSettings = ClusterControllerSettings(), logger: Logger? = nil) {
        self.clusterUID = plane.clusterUID
        self.clock = clock
        self.settings = settings
        var logger = logger ?? Logger(label: "harbormaster.cluster-controllers")
        logger[metadataKey: "cluster"] = .string(plane.clusterUID)
        self.logger = logger
        let client = KubeClient(plane: plane, user: KubeClient.serviceUser("controller-manager"))
        self.state = ClusterState(client: client)
        self.events = EventRecorder(client: client, component: "controller-manager")
    }

    /// The nodes the controllers know (their cache), by name.
    public var nodeNames: [String] { state.nodes.cache.objects.map(ObjectMeta.name).sorted() }

    /// True between `start()` and `stop()`.
    public var isRunning: Bool { passLoop != nil }

    /// Lists every watched type, starts the watches and the pass loop, and runs a first pass.
    public func start() async {
        guard passLoop == nil else { return }
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.wake = wake
        await startWatches()
        passLoop = Task { [weak self] in
            for await _ in wakeups {
                guard let self else { return }
                await self.reconcile()
            }
        }
        await reconcile()
    }

    /// Ends the watches and the pass loop; a pass in progress finishes first.
    public func stop() async {
        passLoop?.cancel()
        passLoop = nil
        wake?.finish()
        wake = nil
        let running = Array(watches.values)
        watches = [:]
        for task in running { task.cancel() }
        for task in running { await task.value }
        await serialized {}
    }

    /// The periodic pass: restarts ended watches, marks nodes whose leases are older than the
    /// grace period Unknown, evicts by NoExecute taints, and reconciles everything else.
    public func tick(now: Date? = nil) async {
        guard passLoop != nil else { return }
        await startWatches()
        await pass(now: now ?? clock.now(), judgeHeartbeats: true)
    }

    /// One pass now, without judging heartbeats (what a watch event triggers).
    public func reconcile() async {
        await pass(now: clock.now(), judgeHeartbeats: false)
    }

    private func startWatches() async {
        guard let wake else { return }
        for informer in state.informers where watches[informer.resource.description] == nil {
            let revision: Int64
            do {
                revision = try await informer.list(state.client)
            } catch {
                logger.debug("listing \(informer.resource) failed: \(error); retrying on the next tick")
                continue
            }
            let (client, key) = (state.client, informer.resource.description)
            watches[key] = Task { [weak self] in
                await informer.run(client, from: revision) { wake.yield() }
                await self?.watchEnded(key)
            }
        }
    }

    private func watchEnded(_ key: String) {
        watches[key] = nil
    }

    private func pass(now: Date, judgeHeartbeats: Bool) async {
        await serialized {
            passCount += 1
            let (state, events, logger) = (self.state, self.events, self.logger)
            await NodeLifecycleController(state: state, events: events, logger: logger, gracePeriod: settings.nodeMonitorGracePeriod)
                .reconcile(now: now, judgeHeartbeats: judgeHeartbeats)
            await TaintEviction(state: state, events: events, logger: logger, defaultTolerationSeconds: settings.defaultTolerationSeconds).reconcile(now: now)
            // The workload controllers run when anything they read changed since they last ran
            // (watch events, their own writes, the node checks above), and otherwise every
            // `workloadResyncSeconds`: an idle cluster's heartbeat round costs its node checks,
            // not a scan of every workload.
            let version = state.workloadVersion
            if judgeHeartbeats, version == lastWorkloadVersion, let last = lastWorkloadPass,
                now.timeIntervalSince(last) < settings.workloadResyncSeconds, now >= last
            {
                return
            }
            lastWorkloadPass = now
            lastWorkloadVersion = version
            await PodGarbageCollector(state: state, events: events, logger: logger).reconcile(now: now)
            await DeploymentController(state: state, events: events, logger: logger).reconcile(now: now)
            await ReplicaSetController(state: state, events: events, logger: logger).reconcile(now: now)
            await DaemonSetController(state: state, events: events, logger: logger).reconcile(now: now)
            await Scheduler(state: state, events: events, logger: logger).schedule(now: now)
        }
    }

    /// Runs passes one at a time (the actor is reentrant across the API calls of a pass).
    private func serialized(_ body: () async -> Void) async {
        while passing { await withCheckedContinuation { waiting.append($0) } }
        passing = true
        await body()
        passing = false
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }
}
