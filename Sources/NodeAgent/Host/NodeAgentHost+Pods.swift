import Foundation
import KubeAPI

extension NodeAgentHost {
    // MARK: The pod watch (one per host)

    /// Starts the host's pod watch (one for all its nodes) in a task the host owns. When the
    /// watch ends (compaction, control-plane restart) the next tick starts it again.
    public func start() {
        watchWanted = true
        startWatchIfNeeded()
    }

    /// Stops the pod watch and waits for it to end.
    public func stop() async {
        watchWanted = false
        let task = watchTask
        watchTask = nil
        task?.cancel()
        await task?.value
    }

    func startWatchIfNeeded() {
        guard watchWanted, watchTask == nil else { return }
        watchGeneration += 1
        let generation = watchGeneration
        watchTask = Task {
            await self.watchPods()
            self.watchEnded(generation)
        }
    }

    private func watchEnded(_ generation: Int) {
        if generation == watchGeneration { watchTask = nil }
    }

    /// Lists the pods of every namespace, then watches them, feeding each change to the agent
    /// of the pod's node. Returns when the watch ends or the task is cancelled.
    private nonisolated func watchPods() async {
        let reader = clientFor(KubeClient.serviceUser("node-agents"))
        do {
            let list = try await reader.list(.pods)
            await reset(list.items, revision: list.resourceVersion)
            let changes = try await reader.watch(.pods, after: list.resourceVersion)
            for try await change in changes {
                await observe(change)
            }
        } catch {
            if !Task.isCancelled { await noteWatchError(error) }
        }
    }

    private func noteWatchError(_ error: any Error) {
        counters.errors += 1
        counters.lastError = "pod watch: \(error)"
    }

    private func reset(_ items: [JSON], revision: Int64) async {
        pods.reset(items, revision: revision)
        podsInFlight = []
        podsDirty = []
        for uid in pods.entries.keys { await advance(uid) }
    }

    func observe(_ change: ObjectChange) async {
        if change.type == "DELETED" {
            if let uid = change.object[path: ["metadata", "uid"]]?.stringValue { pods.remove(uid: uid) }
            return
        }
        guard let uid = pods.upsert(change.object, revision: change.revision) else { return }
        await advance(uid)
    }

    // MARK: Stages

    /// Pods whose delayed stage fell due, and the pods of nodes that came back or registered.
    func runDuePods() async {
        let now = clock.now()
        var uids = Set(pods.due(at: now))
        for node in nodesNeedingPodResync { uids.formUnion(pods.uids(on: node)) }
        nodesNeedingPodResync = []
        for uid in uids { await advance(uid) }
    }

    /// Moves one pod through the stage table for as long as a stage applies now. One pod has
    /// at most one write in flight; a change arriving meanwhile is looked at afterwards.
    func advance(_ uid: String) async {
        guard !podsInFlight.contains(uid) else {
            podsDirty.insert(uid)
            return
        }
        podsInFlight.insert(uid)
        defer { podsInFlight.remove(uid) }
        for _ in 0..<stages.count + 2 {
            podsDirty.remove(uid)
            guard var entry = pods[uid], let agent = agents[entry.node], agent.registered, !isSilent(entry.node) else { return }
            let now = clock.now()
            guard let stage = PodStage.first(in: stages, selecting: entry.object) else {
                entry.dueAt = nil
                pods[uid] = entry
                return
            }
            if entry.stage != stage.name {
                entry.stage = stage.name
                entry.stageSince = now
            }
            entry.dueAt = nil
            let ready = (entry.stageSince ?? now).addingTimeInterval(stage.delay)
            if ready > now { entry.dueAt = ready }
            pods[uid] = entry
            if ready > now || (stage.needsRuntime && !startsContainers(entry.node)) { return }
            let podIP = stage.action == .running ? pods.address(for: uid, podCIDR: agent.podCIDR, hostIP: agent.spec.internalIP) : nil
            let outcome = await PodWrite(stage: stage, pod: entry.object, client: agent.client, hostIP: agent.spec.internalIP, podIP: podIP, now: now)
                .perform()
            record(outcome, uid: uid, retryAt: now.addingTimeInterval(1))
            guard outcome.progressed || podsDirty.contains(uid) else { return }
        }
    }

    private func record(_ outcome: PodWrite.Outcome, uid: String, retryAt: Date) {
        switch outcome {
        case .written(let pod):
            counters.podStatusWrites += 1
            pods.upsert(pod, revision: ObjectStore.revision(of: pod))
        case .deleted:
            counters.podDeletes += 1
            pods.remove(uid: uid)
        case .stale(let latest):
            if latest?[path: ["metadata", "uid"]]?.stringValue != uid { pods.remove(uid: uid) }
            if let latest { pods.upsert(latest, revision: ObjectStore.revision(of: latest)) }
        case .failed(let error):
            counters.errors += 1
            counters.lastError = "pod \(uid): \(error)"
            pods[uid]?.dueAt = retryAt
        }
    }
}
