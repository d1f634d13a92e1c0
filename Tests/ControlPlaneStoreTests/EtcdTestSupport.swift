import ControlPlaneStore
import Core
import Foundation
import Synchronization
import Testing

/// One real etcd for the whole test run (started on first use, killed when the test process
/// exits); each test gets its own cluster prefix on it, as clusters share one etcd in `hm serve`.
enum EtcdTestServer {
    /// Why the etcd cases cannot run.
    enum SetupError: Error, CustomStringConvertible {
        case missingBinaryInCI(String)

        var description: String {
            switch self {
            case .missingBinaryInCI(let path):
                return
                    "CI is set but \(path) is missing: the etcd cases must run in CI (scripts/test installs etcd-server)."
            }
        }
    }

    static let binary = "/usr/bin/etcd"
    private static let shared = Mutex<Task<EtcdProcess, any Error>?>(nil)
    private static let running = Mutex<EtcdProcess?>(nil)

    /// Opens the datastore of cluster `uid` on the shared etcd. Outside CI a missing etcd skips
    /// (cancels) the case, visibly; in CI it fails.
    static func open(cluster uid: String, clock: any TimeSource) async throws -> EtcdDatastore {
        try requireBinary()
        let process = try await server()
        return try await EtcdDatastore.open(client: process.client, cluster: uid, clock: clock)
    }

    static func requireBinary() throws {
        if FileManager.default.isExecutableFile(atPath: binary) { return }
        if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
            throw SetupError.missingBinaryInCI(binary)
        }
        let reason: Comment = "\(binary) is missing (apt-get install etcd-server): etcd case skipped"
        Issue.record(reason, severity: .warning)
        try Test.cancel(reason)
    }

    /// The shared etcd, started once.
    static func server() async throws -> EtcdProcess {
        let task = shared.withLock { current -> Task<EtcdProcess, any Error> in
            if let current { return current }
            let task = Task {
                let directory = FileManager.default.temporaryDirectory
                    .appendingPathComponent("hm-etcd-test-\(ProcessInfo.processInfo.processIdentifier)")
                try? FileManager.default.removeItem(at: directory)
                // No periodic compaction: tests rely on history they wrote.
                let process = try EtcdProcess(dataDirectory: directory.path, autoCompactionHours: nil)
                try await process.start()
                running.withLock { $0 = process }
                atexit { EtcdTestServer.stopAtExit() }
                return process
            }
            current = task
            return task
        }
        return try await task.value
    }

    /// Terminates the shared etcd and removes its data (registered with `atexit`).
    static func stopAtExit() {
        guard let process = running.withLock({ $0 }) else { return }
        process.stop()
        try? FileManager.default.removeItem(atPath: process.dataDirectory)
        try? FileManager.default.removeItem(atPath: process.dataDirectory + ".log")
    }
}
