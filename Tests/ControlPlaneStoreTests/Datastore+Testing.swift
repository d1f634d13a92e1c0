import ControlPlaneStore
import Core
import Foundation
import Synchronization

extension String {
    var bytes: [UInt8] { Array(utf8) }
}

/// Shorthands the conformance tests read better with.
extension Datastore {
    /// Puts `value` at `key`; returns the new revision.
    @discardableResult
    func put(_ key: String, _ value: String, lease: Int64 = 0) async throws -> Int64 {
        try await txn(TxnRequest(success: [.put(key: key, value: value.bytes, lease: lease)])).revision
    }

    func get(_ key: String, revision: Int64 = 0) async throws -> KeyValue? {
        try await range(RangeRequest(key: key, revision: revision)).kvs.first
    }

    /// Deletes `key`; returns the new revision.
    @discardableResult
    func delete(_ key: String) async throws -> Int64 {
        try await txn(TxnRequest(success: [.delete(key: key)])).revision
    }

    func value(_ key: String, revision: Int64 = 0) async throws -> String? {
        try await get(key, revision: revision).map { String(decoding: $0.value, as: UTF8.self) }
    }
}

/// Records a watch stream's events so a test can await "the first n" with a deadline.
final class WatchRecorder: Sendable {
    private final class Log: Sendable {
        struct State {
            var events: [WatchEvent] = []
            var failure: (any Error)?
            var ended = false
        }
        let state = Mutex(State())
    }

    struct TimedOut: Error, CustomStringConvertible {
        let wanted: Int
        let got: [WatchEvent]
        var description: String { "wanted \(wanted) events within the deadline, got \(got.count): \(got)" }
    }

    private let log = Log()
    private let task: Task<Void, Never>

    init(_ stream: AsyncThrowingStream<WatchEvent, any Error>) {
        task = Task { [log] in
            do {
                for try await event in stream {
                    log.state.withLock { $0.events.append(event) }
                }
            } catch {
                log.state.withLock { $0.failure = error }
            }
            log.state.withLock { $0.ended = true }
        }
    }

    deinit { task.cancel() }

    /// The first `count` events, waiting up to `seconds` of wall time for them.
    func first(_ count: Int, within seconds: Double = 10) async throws -> [WatchEvent] {
        let deadline = SystemClock().now().addingTimeInterval(seconds)
        while true {
            let (events, failure, ended) = log.state.withLock { ($0.events, $0.failure, $0.ended) }
            if events.count >= count { return Array(events.prefix(count)) }
            if let failure { throw failure }
            if ended || SystemClock().now() > deadline { throw TimedOut(wanted: count, got: events) }
            try await SystemClock().sleep(seconds: 0.01)
        }
    }

    /// The error the stream ended with, waiting up to `seconds` for it.
    func failure(within seconds: Double = 10) async throws -> (any Error)? {
        let deadline = SystemClock().now().addingTimeInterval(seconds)
        while SystemClock().now() < deadline {
            let (failure, ended) = log.state.withLock { ($0.failure, $0.ended) }
            if failure != nil || ended { return failure }
            try await SystemClock().sleep(seconds: 0.01)
        }
        return nil
    }

    /// Everything recorded so far.
    var events: [WatchEvent] { log.state.withLock { $0.events } }

    func cancel() { task.cancel() }
}
