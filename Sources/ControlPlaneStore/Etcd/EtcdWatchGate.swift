import Synchronization

/// Counts watches that are still being created on etcd; reads and writes wait until none is,
/// so a watch started with "from now" sees every change made after `watch` returned.
final class EtcdWatchGate: Sendable {
    private struct State {
        var pending = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// A watch starts being created.
    func enter() { state.withLock { $0.pending += 1 } }

    /// A watch was created on etcd (or failed to be).
    func leave() {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.pending -= 1
            guard s.pending == 0 else { return [] }
            defer { s.waiters = [] }
            return s.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once no watch is being created.
    func waitForCreatedWatches() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { s -> Bool in
                if s.pending == 0 { return true }
                s.waiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
