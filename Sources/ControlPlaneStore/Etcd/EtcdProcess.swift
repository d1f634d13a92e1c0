import Core
import Foundation
import Synchronization

/// A real `etcd` member (Debian's `etcd-server`) on free loopback ports with its own data dir,
/// supervised: `run()` restarts it whenever it dies until `stop()`.
public final class EtcdProcess: Sendable {
    /// Why etcd could not be started.
    public enum Failure: Error, Sendable, Equatable {
        case binaryMissing(String)
        case notReady(String)
    }

    private struct State {
        var process: Process?
        var stopped = false
        var restarts = 0
    }

    public let binary: String
    public let dataDirectory: String
    public let clientPort: Int
    public let peerPort: Int
    /// Hours of history the shared etcd keeps (its own periodic compaction, decision 004); nil keeps all.
    public let autoCompactionHours: Int?
    private let clock: any TimeSource
    private let state = Mutex(State())

    /// `http://127.0.0.1:{clientPort}`.
    public var endpoint: String { "http://127.0.0.1:\(clientPort)" }
    /// A client of this member.
    public var client: EtcdClient { EtcdClient(endpoint: endpoint) }
    /// How many times `run()` restarted a dead etcd.
    public var restarts: Int { state.withLock { $0.restarts } }

    public init(
        dataDirectory: String, binary: String = "/usr/bin/etcd", autoCompactionHours: Int? = 1,
        clock: any TimeSource = SystemClock()
    ) throws {
        self.binary = binary
        self.dataDirectory = dataDirectory
        self.autoCompactionHours = autoCompactionHours
        self.clock = clock
        (clientPort, peerPort) = try (FreePort.loopback(), FreePort.loopback())
    }

    /// Starts etcd and waits until it answers, for at most `timeout` seconds.
    public func start(timeout: Double = 30) async throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw Failure.binaryMissing(binary) }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try await stopOrphan()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        let peer = "http://127.0.0.1:\(peerPort)"
        process.arguments =
            [
                "--name", "default", "--data-dir", dataDirectory,
                "--listen-client-urls", endpoint, "--advertise-client-urls", endpoint,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "default=\(peer)",
                // One member: elect itself quickly.
                "--heartbeat-interval", "50", "--election-timeout", "250",
            ]
            + (autoCompactionHours.map {
                ["--auto-compaction-mode", "periodic", "--auto-compaction-retention", "\($0)h"]
            } ?? [])
        let log = dataDirectory + ".log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: log)
        process.standardError = process.standardOutput
        try process.run()
        try Data("\(process.processIdentifier)\n".utf8).write(to: URL(fileURLWithPath: pidFile))
        state.withLock { $0.process = process }
        try await waitUntilReady(timeout: timeout)
    }

    private func waitUntilReady(timeout: Double) async throws {
        let deadline = clock.now().addingTimeInterval(timeout)
        var lastError = "no answer"
        while clock.now() < deadline {
            if state.withLock({ $0.process?.isRunning != true }) {
                throw Failure.notReady("etcd exited; see \(dataDirectory).log")
            }
            do {
                _ = try await EtcdClient(endpoint: endpoint, callTimeout: .seconds(2)).status()
                return
            } catch {
                lastError = "\(error)"
            }
            try await clock.sleep(seconds: 0.1)
        }
        throw Failure.notReady("etcd at \(endpoint) not ready after \(timeout) s: \(lastError)")
    }

    /// `<data-dir>.pid`: the etcd this supervisor started last.
    var pidFile: String { dataDirectory + ".pid" }

    /// An etcd left running by a supervisor that was killed (SIGKILL leaves children behind)
    /// still holds the data dir's lock; stop it before starting a new one on the same data.
    private func stopOrphan() async throws {
        guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
            pid > 0, let cmdline = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8), cmdline.contains(dataDirectory),
            state.withLock({ $0.process?.processIdentifier != pid })
        else { return }
        Foundation.kill(pid, SIGKILL)
        let deadline = clock.now().addingTimeInterval(10)
        while FileManager.default.fileExists(atPath: "/proc/\(pid)/cmdline"), clock.now() < deadline {
            try await clock.sleep(seconds: 0.05)
        }
    }

    /// Supervises etcd until `stop()` or cancellation: restarts it, after a pause, whenever it exits.
    public func run() async throws {
        while !Task.isCancelled && !state.withLock({ $0.stopped }) {
            if state.withLock({ $0.process?.isRunning != true }) {
                state.withLock { $0.restarts += 1 }
                do { try await start() } catch let error as Failure { if case .binaryMissing = error { throw error } }
            }
            try await clock.sleep(seconds: 0.5)
        }
    }

    /// Terminates etcd and stops supervising it; the data dir stays.
    public func stop() {
        let process = state.withLock { s -> Process? in
            s.stopped = true
            return s.process
        }
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// Kills etcd without stopping supervision (fault tests).
    public func kill() {
        guard let process = state.withLock({ $0.process }), process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
