import Foundation

/// `hm serve` on a free port in a temporary data directory, for one test.
final class ServerProcess: @unchecked Sendable {
    let process: Process
    let dataDirectory: URL
    /// `http://127.0.0.1:PORT` as the server announced it.
    let url: String

    struct StartFailed: Error, CustomStringConvertible {
        var description: String
    }

    private init(process: Process, dataDirectory: URL, url: String) {
        self.process = process
        self.dataDirectory = dataDirectory
        self.url = url
    }

    /// The provider's token the server wrote at start-up.
    var adminToken: String {
        get throws {
            try String(contentsOf: dataDirectory.appendingPathComponent("admin-token"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Starts the server and waits (up to `timeout` seconds) for its
    /// `hm: management API listening on http://...` line.
    static func start(_ extraArguments: [String] = [], timeout: Double = 90) async throws -> ServerProcess {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hm-cli-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: HMBinary.path)
        process.arguments =
            ["serve", "--data-dir", directory.path, "--listen", "127.0.0.1:0", "--kube-listen", "127.0.0.1:0"]
            + extraArguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HM_") }
        let stdout = Pipe()
        process.standardOutput = stdout
        let logURL = directory.appendingPathComponent("server-stderr.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: logURL)
        try process.run()

        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        do {
            let url = try await AnnouncedURL.read(from: stdout.fileHandleForReading)
            return ServerProcess(process: process, dataDirectory: directory, url: url)
        } catch {
            process.terminate()
            let log = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
            throw StartFailed(description: "\(error); server stderr:\n\(log.suffix(4000))")
        }
    }

    /// SIGTERM, escalating to SIGKILL after 10 s; then removes the data directory.
    func stop() {
        if process.isRunning {
            process.terminate()
            let pid = process.processIdentifier
            let process = self.process
            DispatchQueue.global().asyncAfter(deadline: .now() + 10) {
                if process.isRunning { kill(pid, SIGKILL) }
            }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: dataDirectory)
    }
}

/// Reads a server's stdout on its own thread until the "listening on" line, then keeps draining
/// it so the server never blocks on a full pipe.
enum AnnouncedURL {
    static let marker = "hm: management API listening on "

    static func read(from handle: FileHandle) async throws -> String {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<String, any Error>) in
            Thread.detachNewThread {
                var text = ""
                var resumed = false
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    guard !resumed else { continue }
                    text += String(decoding: chunk, as: UTF8.self)
                    if let url = find(in: text) {
                        resumed = true
                        continuation.resume(returning: url)
                    }
                }
                if !resumed {
                    continuation.resume(
                        throwing: ServerProcess.StartFailed(description: "server exited; stdout:\n\(text)"))
                }
            }
        }
    }

    /// The URL on the first complete line carrying the marker.
    static func find(in text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if let range = line.range(of: marker) {
                return String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
