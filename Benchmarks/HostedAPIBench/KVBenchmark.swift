import ArgumentParser
import ControlPlaneStore
import Core
import Foundation
import Synchronization

/// `hm-bench kv`: create-only puts (`txn` guarded by createRevision == 0, as the hosted API's
/// create does) straight on one datastore backend, without HTTP, from `concurrency` tasks.
struct KVBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kv",
        abstract: "Puts per second on the embedded KV (SQLite) or on etcd, without HTTP.")

    enum Backend: String, ExpressibleByArgument, Encodable {
        case embedded, etcd
    }

    /// What `kv` prints.
    struct Result: Encodable {
        let backend: Backend
        let puts: Int
        let concurrency: Int
        let valueBytes: Int
        let failed: Int
        let seconds: Double
        let putsPerS: Double
        let latency: LatencySummary

        enum CodingKeys: String, CodingKey {
            case backend, puts, concurrency, failed, seconds
            case valueBytes = "value_bytes"
            case putsPerS = "puts_per_s"
        }

        /// The latency figures sit beside the others (`p50_ms`, `p99_ms`, `max_ms`).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(backend, forKey: .backend)
            try container.encode(puts, forKey: .puts)
            try container.encode(concurrency, forKey: .concurrency)
            try container.encode(valueBytes, forKey: .valueBytes)
            try container.encode(failed, forKey: .failed)
            try container.encode(seconds, forKey: .seconds)
            try container.encode(putsPerS, forKey: .putsPerS)
            try latency.encode(to: encoder)
        }
    }

    @Option(help: "embedded (SQLiteDatastore on a temp file) or etcd (EtcdProcess on a temp dir).")
    var backend: Backend

    @Option(help: "Number of puts.")
    var puts: Int = 10_000

    @Option(help: "Puts in flight at once.")
    var concurrency: Int = 16

    @Option(help: "Bytes per value.")
    var valueBytes: Int = 500

    @Option(help: "etcd binary (Debian's etcd-server).")
    var etcdBinary: String = "/usr/bin/etcd"

    @Option(
        help:
            "Directory for the datastore file or etcd's data dir (default: a new one under /tmp, removed after)."
    )
    var workDir: String?

    func validate() throws {
        guard puts > 0, concurrency > 0, valueBytes > 0 else {
            throw ValidationError("--puts, --concurrency and --value-bytes must be positive.")
        }
    }

    func run() async throws {
        let directory = workDir ?? NSTemporaryDirectory() + "hm-bench-kv-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if workDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let clock = SystemClock()
        let result: Result
        switch backend {
        case .embedded:
            let store = try SQLiteDatastore.open(path: "\(directory)/datastore.sqlite", clock: clock)
            result = try await measure(store)
            try await store.close()
        case .etcd:
            let process = try EtcdProcess(
                dataDirectory: "\(directory)/etcd", binary: etcdBinary, clock: clock)
            try await process.start()
            do {
                let store = try await EtcdDatastore.open(
                    client: process.client, cluster: "bench", clock: clock)
                result = try await measure(store)
                try await store.close()
            } catch {
                process.stop()
                throw error
            }
            process.stop()
        }
        try printJSON(result)
    }

    /// Runs the puts from `concurrency` tasks that take the next key number until all are done.
    func measure(_ store: some Datastore) async throws -> Result {
        let value = [UInt8](repeating: UInt8(ascii: "v"), count: valueBytes)
        let keys = KeyNumbers()
        let total = puts
        let started = ContinuousClock.now
        let (latencies, failed) = try await withThrowingTaskGroup(of: ([Duration], Int).self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var samples: [Duration] = []
                    var failed = 0
                    while true {
                        let index = keys.next()
                        guard index < total else { break }
                        let key = "/registry/configmaps/default/bench-\(index)"
                        let request = TxnRequest(
                            compare: [.createRevision(key, .equal, 0)], success: [.put(key: key, value: value)])
                        let sent = ContinuousClock.now
                        let response = try await store.txn(request)
                        samples.append(ContinuousClock.now - sent)
                        if !response.succeeded { failed += 1 }
                    }
                    return (samples, failed)
                }
            }
            var all: [Duration] = []
            var failed = 0
            for try await (samples, count) in group {
                all += samples
                failed += count
            }
            return (all, failed)
        }
        let elapsed = (ContinuousClock.now - started).seconds
        return Result(
            backend: backend, puts: total, concurrency: concurrency, valueBytes: valueBytes,
            failed: failed,
            seconds: LatencySummary.rounded(elapsed), putsPerS: (Double(total) / elapsed).rounded(),
            latency: LatencySummary(latencies))
    }
}

/// Hands out key numbers 0, 1, 2, ... to the tasks that put them.
final class KeyNumbers: Sendable {
    private let counter = Atomic<Int>(0)

    func next() -> Int {
        counter.add(1, ordering: .relaxed).oldValue
    }
}
