import Foundation
import Infrastructure
import Reconcile
import ServiceLifecycle

/// Runs the simulated agent nodes of the running clusters (`NodeSimulation.run`): IaaS changes
/// re-sync agents at once; agents and controllers tick once a second of wall time, each
/// decision taken on the service clock (decision 006).
struct NodeSimulationService: Service {
    let nodes: NodeSimulation
    let infrastructure: Infrastructure

    func run() async throws {
        let changes = infrastructure.changes()
        await cancelWhenGracefulShutdownIgnoringCancellation { await nodes.run(changes: changes) }
    }
}

/// Runs drift detection (`DriftController.run`): after each IaaS write and on a sweep.
struct DriftService: Service {
    let drift: DriftController
    let infrastructure: Infrastructure

    func run() async throws {
        let changes = infrastructure.changes()
        await cancelWhenGracefulShutdownIgnoringCancellation { await drift.run(changes: changes, infrastructure: infrastructure) }
    }
}

/// Runs `body` until graceful shutdown cancels it (the loops end on cancellation).
func cancelWhenGracefulShutdownIgnoringCancellation(_ body: @escaping @Sendable () async -> Void) async {
    await cancelWhenGracefulShutdown { await body() }
}
