import Synchronization

/// Tells listeners which resource group changed after every committed IaaS write, service or
/// direct. In-process only: with several `hm serve` replicas on one PostgreSQL, a replica hears
/// its own writes at once and must re-read periodically to see the others'.
final class InfrastructureChanges: Sendable {
    private struct State {
        var next = 0
        var listeners: [Int: AsyncStream<String>.Continuation] = [:]
    }

    private let state = Mutex(State())

    func stream() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        let id = state.withLock { state in
            state.next += 1
            state.listeners[state.next] = continuation
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    func publish(_ keys: Set<String>) {
        let listeners = state.withLock { Array($0.listeners.values) }
        for key in keys.sorted() {
            for listener in listeners { listener.yield(key) }
        }
    }
}
