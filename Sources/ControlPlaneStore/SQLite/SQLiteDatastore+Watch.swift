import Foundation
import GRDB

/// Watches: history from the log, then live batches from the hub. The watcher subscribes
/// before it reads history and skips live batches the history already covered, so it sees
/// every event once, in order, even while writes go on.
extension SQLiteDatastore {
    public func watch(_ request: WatchRequest) -> AsyncThrowingStream<WatchEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<WatchEvent, any Error>.makeStream()
        let task = Task {
            do {
                try await serve { try await self.follow(request, into: continuation) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func follow(
        _ request: WatchRequest, into continuation: AsyncThrowingStream<WatchEvent, any Error>.Continuation
    ) async throws {
        let (subscription, live) = hub.subscribe(key: request.key, rangeEnd: request.rangeEnd)
        defer { hub.unsubscribe(subscription) }
        let (history, through) = try await pool.read { try KVLog.history($0, request) }
        for event in history {
            continuation.yield(Self.shaped(event, prevKV: request.prevKV))
        }
        for await batch in live where batch.revision > through {
            for event in batch.events {
                continuation.yield(Self.shaped(event, prevKV: request.prevKV))
            }
        }
        if Task.isCancelled { return }
        throw DatastoreError.closed
    }

    private static func shaped(_ event: WatchEvent, prevKV: Bool) -> WatchEvent {
        var event = event
        if !prevKV { event.prevKV = nil }
        return event
    }
}
