import Synchronization

/// Hands committed events to live watchers without polling. Writes publish from the database
/// writer's queue right after commit, so batches arrive in revision order; a lock rather than an
/// actor keeps that order (an actor hop could reorder two publishes).
final class WatchHub: Sendable {
    /// The events of one revision that fall in a watcher's range.
    struct Batch: Sendable {
        let revision: Int64
        let events: [WatchEvent]
    }

    private struct Subscriber {
        let key: String
        let rangeEnd: String?
        let continuation: AsyncStream<Batch>.Continuation
    }

    private struct State {
        var nextID = 0
        var subscribers: [Int: Subscriber] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    /// A stream of the batches committed from now on for `[key, rangeEnd)`; finished at `close()`.
    func subscribe(key: String, rangeEnd: String?) -> (id: Int, batches: AsyncStream<Batch>) {
        let (stream, continuation) = AsyncStream<Batch>.makeStream(bufferingPolicy: .unbounded)
        let id: Int? = state.withLock { s in
            guard !s.closed else { return nil }
            s.nextID += 1
            s.subscribers[s.nextID] = Subscriber(key: key, rangeEnd: rangeEnd, continuation: continuation)
            return s.nextID
        }
        guard let id else {
            continuation.finish()
            return (0, stream)
        }
        return (id, stream)
    }

    /// Stops delivering to a subscriber and ends its stream.
    func unsubscribe(_ id: Int) {
        let subscriber = state.withLock { $0.subscribers.removeValue(forKey: id) }
        subscriber?.continuation.finish()
    }

    /// Delivers a committed revision's events; call in commit order.
    func publish(revision: Int64, events: [WatchEvent]) {
        guard !events.isEmpty else { return }
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers {
            let matching = events.filter {
                KeyRange.contains($0.kv.key, start: subscriber.key, end: subscriber.rangeEnd)
            }
            if !matching.isEmpty {
                subscriber.continuation.yield(Batch(revision: revision, events: matching))
            }
        }
    }

    /// Ends every live stream.
    func close() {
        let subscribers = state.withLock { s -> [Subscriber] in
            s.closed = true
            defer { s.subscribers = [:] }
            return Array(s.subscribers.values)
        }
        for subscriber in subscribers { subscriber.continuation.finish() }
    }
}
