import Core
import Foundation
import Synchronization

/// The datastore's one timer for lease expiry: sleeps on the service clock until the earliest
/// lease deadline, then runs `fire`, which expires due leases and schedules the next deadline.
/// On a simulated clock `advance(by:)` wakes it, so watchers see expiry deletes as they fall due.
final class LeaseTimer: Sendable {
    private struct Pending {
        let generation: UInt64
        let deadline: Date
        let task: Task<Void, Never>
    }

    private struct State {
        var pending: Pending?
        var generation: UInt64 = 0
        var closed = false
        var fire: (@Sendable () async -> Void)?
    }

    private let clock: any TimeSource
    private let state = Mutex(State())

    init(clock: any TimeSource) {
        self.clock = clock
    }

    /// Sets what runs when a deadline falls due (the datastore, held weakly by the closure).
    func onFire(_ fire: @escaping @Sendable () async -> Void) {
        state.withLock { $0.fire = fire }
    }

    /// Sleeps until `deadline` (nil: nothing to wait for); keeps an earlier pending wake-up.
    func schedule(_ deadline: Date?) {
        state.withLock { s in
            guard !s.closed else { return }
            if let pending = s.pending {
                if let deadline, pending.deadline <= deadline { return }
                pending.task.cancel()
                s.pending = nil
            }
            guard let deadline else { return }
            s.generation += 1
            let generation = s.generation
            let task = Task { [clock] in
                do {
                    try await clock.sleep(until: deadline)
                } catch {
                    return
                }
                await self.fired(generation)?()
            }
            s.pending = Pending(generation: generation, deadline: deadline, task: task)
        }
    }

    private func fired(_ generation: UInt64) -> (@Sendable () async -> Void)? {
        state.withLock { s in
            if s.pending?.generation == generation { s.pending = nil }
            return s.closed ? nil : s.fire
        }
    }

    /// Cancels the pending wake-up; later `schedule` calls do nothing.
    func close() {
        let pending = state.withLock { s -> Pending? in
            s.closed = true
            defer { s.pending = nil }
            return s.pending
        }
        pending?.task.cancel()
    }
}
