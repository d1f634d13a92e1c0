import Core
import Foundation
import Logging
import ManagementStore
import Reconcile
import ServiceLifecycle

/// Runs accepted operations to completion. Each replica has one; they share the store and
/// claim work with leases, so an operation runs on exactly one replica, and one whose
/// replica died is picked up by another once the lease expires (or by the same one after a
/// restart). The runner does no work itself: it calls the cluster reconciler until done.
///
/// Two clocks: leases, renewals and polling measure process liveness, so they run on the
/// wall clock (`leaseClock`); the work itself (provisioning steps, requeue delays, operation
/// times) runs on the service clock, which the provider may move forward. A jump of the
/// service clock therefore neither expires live leases nor spins the poll loop.
public final class OperationRunner: Service, Sendable {
    public struct Settings: Sendable {
        /// How long a claim holds without renewal (service clock seconds).
        public var leaseSeconds: Double = 15
        /// How often to look for claimable work without being woken.
        public var pollSeconds: Double = 1
        /// Operations run at once by this replica.
        public var concurrency: Int = 32
        /// Failed passes before an operation fails.
        public var maxErrors: Int = 5

        public init() {}
    }

    private let store: any ManagementStore
    private let clock: any TimeSource
    private let leaseClock: any TimeSource
    private let reconciler: ClusterReconciler
    private let owner: String
    private let settings: Settings
    private let logger: Logger
    private let wake = WakeSignal()

    public init(
        store: any ManagementStore, clock: any TimeSource, leaseClock: any TimeSource = SystemClock(),
        reconciler: ClusterReconciler, owner: String, settings: Settings = Settings(),
        logger: Logger = Logger(label: "hm.operations")
    ) {
        self.store = store
        self.clock = clock
        self.leaseClock = leaseClock
        self.reconciler = reconciler
        self.owner = owner
        self.settings = settings
        self.logger = logger
    }

    /// Asks the runner to look for work now (called after an operation is committed).
    public func notify() {
        Task { await wake.signal() }
    }

    public func run() async throws {
        // Leases this replica held before a restart are its own: resume them now.
        let resumed = try await store.releaseLeases(owner: owner)
        logger.info("operation runner started", metadata: ["owner": "\(owner)", "resumed": "\(resumed)"])
        await cancelWhenGracefulShutdown {
            await self.loop()
        }
        logger.info("operation runner stopped; unfinished operations resume on restart")
    }

    /// Claims and runs operations until cancelled, at most `concurrency` at once.
    private func loop() async {
        await withDiscardingTaskGroup { group in
            var running = 0
            let finished = AsyncStream<Void>.makeStream()
            var finishedIterator = finished.stream.makeAsyncIterator()
            while !Task.isCancelled {
                while running >= settings.concurrency {
                    _ = await finishedIterator.next()
                    running -= 1
                }
                let now = leaseClock.now()
                let claimed: OperationRecord?
                do {
                    claimed = try await store.claimOperation(owner: owner, now: now, leaseUntil: now.addingTimeInterval(settings.leaseSeconds))
                } catch {
                    if Task.isCancelled { break }  // shutting down: the store call was cut short
                    logger.error("claiming an operation failed: \(error)")
                    claimed = nil
                }
                guard let operation = claimed else {
                    await wake.wait(seconds: settings.pollSeconds, clock: leaseClock)
                    continue
                }
                running += 1
                group.addTask {
                    await self.execute(operation)
                    finished.continuation.yield()
                }
            }
            finished.continuation.finish()
        }
    }

    /// Reconciles until done, renewing the lease meanwhile; records the outcome.
    func execute(_ operation: OperationRecord) async {
        var operationLogger = self.logger
        operationLogger[metadataKey: "operation"] = "\(operation.id)"
        operationLogger[metadataKey: "kind"] = "\(operation.kind.rawValue)"
        let logger = operationLogger
        logger.info("running operation", metadata: ["attempt": "\(operation.attempts)", "cluster": "\(operation.cluster.name)"])
        let outcome: OperationState
        var failure: OperationError?
        do {
            let result = try await withLeaseRenewal(operation) {
                try await self.reconcileUntilSettled(operation, logger: logger)
            }
            switch result {
            case .failed(let error):
                outcome = .failed
                failure = error
            default:
                outcome = .succeeded
            }
        } catch is LeaseLost {
            logger.warning("lease lost; another replica continues the operation")
            return
        } catch is CancellationError {
            logger.info("operation interrupted by shutdown; it resumes on restart")
            return
        } catch {
            outcome = .failed
            failure = OperationError(code: "InternalOperationError", message: "The operation failed: \(error)")
        }
        var finished = operation
        finished.state = outcome
        finished.error = failure
        finished.endTime = clock.now()
        do {
            if try await store.finishOperation(finished, owner: owner) {
                if outcome == .failed { try await markFailed(operation) }
                logger.info("operation finished", metadata: ["state": "\(outcome.rawValue)"])
            }
        } catch {
            if Task.isCancelled {
                logger.info("shutdown came before the operation's end was recorded; it resumes on restart")
            } else {
                logger.error("recording the operation's end failed: \(error); it will be retried after the lease expires")
            }
        }
    }

    private func reconcileUntilSettled(_ operation: OperationRecord, logger: Logger) async throws -> ReconcileResult {
        var errors = 0
        while true {
            try Task.checkCancellation()
            do {
                let result = try await reconciler.reconcile(operation.cluster, operationID: operation.id)
                switch result {
                case .done, .failed: return result
                case .requeue(let after):
                    if after > 0 { try await clock.sleep(seconds: after) }
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // A pass cut short by shutdown may surface as any error (an API call cut short
                // answers 503): it is an interruption, never a failure.
                if Task.isCancelled { throw CancellationError() }
                errors += 1
                logger.warning("reconcile pass failed (\(errors)/\(settings.maxErrors)): \(error)")
                if errors >= settings.maxErrors {
                    return .failed(OperationError(code: "ReconcileFailed", message: "The service could not reach the desired state: \(error)"))
                }
                try await clock.sleep(seconds: Double(1 << min(errors, 5)))
            }
        }
    }

    private func markFailed(_ operation: OperationRecord) async throws {
        guard var cluster = try await store.cluster(operation.cluster) else { return }
        cluster.status.provisioningState = .failed
        var pools: [AgentPoolRecord] = []
        if let name = operation.agentPool, var pool = try await store.agentPool(AgentPoolID(cluster: operation.cluster, name: name)) {
            pool.status.provisioningState = .failed
            pools.append(pool)
        }
        try await store.commit(ClusterCommit(cluster: cluster, pools: pools), for: operation.cluster)
    }

    struct LeaseLost: Error {}

    /// Runs `body` while renewing the operation's lease; cancels it if the lease is lost.
    private func withLeaseRenewal<T: Sendable>(_ operation: OperationRecord, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                while true {
                    try await self.leaseClock.sleep(seconds: self.settings.leaseSeconds / 3)
                    let until = self.leaseClock.now().addingTimeInterval(self.settings.leaseSeconds)
                    guard try await self.store.renewLease(operation: operation.id, owner: self.owner, until: until) else {
                        throw LeaseLost()
                    }
                }
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let value = next { return value }
            }
            throw CancellationError()
        }
    }
}
