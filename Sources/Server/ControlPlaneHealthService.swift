import Core
import Foundation
import Reconcile
import ServiceLifecycle

/// Runs the health controller every `ControlPlaneHealthController.interval` seconds of the
/// wall clock. Health measures whether processes and files work now, as operation leases do,
/// so it runs on real time: a simulated jump of 30 days must not replay 86,400 probes.
struct ControlPlaneHealthService: Service {
    let controller: ControlPlaneHealthController
    let clock: any TimeSource

    func run() async throws {
        let start = clock.now()
        do {
            try await cancelWhenGracefulShutdown {
                var deadline = start
                while !Task.isCancelled {
                    deadline = deadline.addingTimeInterval(ControlPlaneHealthController.interval)
                    try await clock.sleep(until: deadline)
                    await controller.pass()
                }
            }
        } catch is CancellationError {
            return  // graceful shutdown: a clean stop, not a failure of the service
        }
    }
}
