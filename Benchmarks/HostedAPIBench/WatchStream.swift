import AsyncHTTPClient
import NIOCore
import Synchronization

/// How far the watchers have got, shared with the command that waits on them.
final class WatchProgress: Sendable {
    struct Counts: Sendable {
        var ready = 0
        var complete = 0
        var failed = 0
        var firstError: String?
    }

    private let state = Mutex(Counts())

    var counts: Counts { state.withLock { $0 } }

    func update(_ body: (inout Counts) -> Void) {
        state.withLock { body(&$0) }
    }
}

/// One watch stream: records when each benchmark ConfigMap's ADDED event arrived.
///
/// Lines are matched on bytes, not decoded: a full JSON decode of 200,000 events would take
/// CPU from the server on the same two cores. Benchmark names are `{prefix}{index}` and
/// `{prefix}ready`; the name is the first place the prefix occurs in an event line.
struct WatchStream: Sendable {
    /// What one watcher saw.
    struct Outcome: Sendable {
        var arrivals: [ContinuousClock.Instant?]
        var error: String?
    }

    let client: HostedAPIClient
    let url: String
    let prefix: [UInt8]
    let events: Int
    let progress: WatchProgress

    static let added = Array(#""type":"ADDED""#.utf8)
    static let ready = Array("ready".utf8)

    /// Streams until every event arrived, the task is cancelled, or the stream fails.
    func run() async -> Outcome {
        var outcome = Outcome(arrivals: Array(repeating: nil, count: events))
        var seen = 0
        var sawReady = false
        do {
            let response = try await client.http.execute(client.request(url), timeout: .seconds(3600))
            guard response.status.code == 200 else {
                let body = try await response.body.collect(upTo: 1 << 20)
                throw HostedAPIClient.Failure.status(
                    "GET watch", response.status.code, String(buffer: body))
            }
            var pending: [UInt8] = []
            for try await chunk in response.body {
                let arrived = ContinuousClock.now
                pending.append(contentsOf: chunk.readableBytesView)
                var start = 0
                while let end = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    let line = pending[start..<end]
                    start = end + 1
                    guard Self.find(Self.added, in: line) != nil, let at = Self.find(prefix, in: line) else {
                        continue
                    }
                    let rest = line[(at + prefix.count)...]
                    if rest.starts(with: Self.ready) {
                        if !sawReady {
                            sawReady = true
                            progress.update { $0.ready += 1 }
                        }
                    } else if let index = Self.number(rest), index < events, outcome.arrivals[index] == nil {
                        outcome.arrivals[index] = arrived
                        seen += 1
                    }
                }
                pending.removeFirst(start)
                if seen == events {
                    progress.update { $0.complete += 1 }
                    return outcome
                }
            }
            throw HostedAPIClient.Failure.unreadable(
                "the watch: it ended after \(seen) of \(events) events")
        } catch {
            if !Task.isCancelled {
                outcome.error = "\(error)"
                progress.update {
                    $0.failed += 1
                    if $0.firstError == nil { $0.firstError = "\(error)" }
                }
            }
            return outcome
        }
    }

    /// Index of the first occurrence of `needle` in `haystack`.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The decimal number at the start of `bytes`.
    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        var digits = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 ? value : nil
    }
}
