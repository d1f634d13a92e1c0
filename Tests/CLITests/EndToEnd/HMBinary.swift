import Foundation

/// The built `hm` executable the end-to-end tests drive, found from this file's path.
enum HMBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let path = packageRoot.appendingPathComponent(".build/debug/hm").path

    static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Run when the binary exists; under CI run anyway, so a missing binary fails instead of skipping.
    static var shouldRun: Bool { exists || ProcessInfo.processInfo.environment["CI"] != nil }

    /// What one `hm` invocation printed and how it exited.
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `hm arguments` with `environment` added to a copy of this process's environment
    /// minus any `HM_*` variable, so the caller's shell settings cannot leak into a test.
    /// A command still running after `timeout` seconds is killed and reported as a failure
    /// (status 124, as `timeout(1)` does), so a hang fails the test instead of stalling the suite.
    static func run(_ arguments: [String], environment: [String: String], stdin: String? = nil, timeout: Double = 180) async throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hm-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HM_") }
        inherited.merge(environment) { _, new in new }
        process.environment = inherited
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardInput = input
        let timedOut = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        defer { timedOut.cancel() }
        let status = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timedOut)
                if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
                try? input.fileHandleForWriting.close()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let killed = process.terminationReason == .uncaughtSignal && status == SIGKILL
        let stderr = try String(contentsOf: errURL, encoding: .utf8)
        return Result(
            status: killed ? 124 : status,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: killed ? stderr + "\nhm \(arguments.joined(separator: " ")) was killed after \(Int(timeout)) s\n" : stderr)
    }
}
