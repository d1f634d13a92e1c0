import Foundation

/// Writes a fetched kubeconfig to disk: a new file as is, an existing one merged (mode 0600).
enum KubeconfigFile {
    /// `~/.kube/config`, where `az aks get-credentials` writes by default.
    static var defaultPath: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".kube/config").path
    }

    /// Writes or merges `kubeconfig` into `path`; returns the context made current.
    @discardableResult
    static func write(_ kubeconfig: String, to path: String) throws -> String? {
        let incoming = try KubeconfigDocument(parsing: kubeconfig)
        let manager = FileManager.default
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let text: String
        if existing.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            text = kubeconfig
        } else {
            text = try KubeconfigDocument(parsing: existing).merging(incoming).text
        }
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            throw CLIError.local("cannot write \(path): \(error.localizedDescription)")
        }
        return incoming.currentContext
    }
}
