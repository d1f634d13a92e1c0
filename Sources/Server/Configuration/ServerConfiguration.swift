import Foundation

/// How `hm serve` runs. Every field has an embedded default: SQLite in the data dir, the
/// system clock, plain HTTP on loopback.
public struct ServerConfiguration: Sendable {
    public enum TLSMode: Sendable, Equatable {
        /// Plain HTTP (allowed on loopback only).
        case none
        /// A certificate generated once and kept in `<data-dir>/tls/`.
        case selfSigned
        /// The provider's own certificate and key (PEM files).
        case files(certificate: String, key: String)
    }

    public enum ClockMode: String, Sendable {
        case system
        /// Runs at wall speed and jumps forward on `POST /admin/clock:advance`.
        case simulated
    }

    /// Where clusters' control-plane data lives.
    public enum DatastoreMode: String, Sendable {
        /// One SQLite file per cluster in the data dir.
        case embedded
        /// A real `etcd` that `hm serve` starts and supervises, a key prefix per cluster.
        case etcd
    }

    public var dataDirectory: String = ".harbormaster"
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    public var tls: TLSMode = .none
    public var clock: ClockMode = .system
    /// `postgres://user:password@host:port/database`; nil keeps the embedded SQLite store.
    public var databaseURL: String?
    /// Address of the hosted Kubernetes API front, as kubeconfigs name it.
    public var kubeListen: String = "127.0.0.1:6443"
    public var datastore: DatastoreMode = .embedded
    /// The etcd binary for `--datastore etcd` (Debian's `etcd-server`).
    public var etcdBinary: String = "/usr/bin/etcd"
    /// Seconds of service-clock time each provisioning step takes.
    public var provisioningStepSeconds: Double = 0.1
    /// Identifies this replica in operation leases; nil reads (or makes) `<data-dir>/replica-id`,
    /// so a restarted process is the same replica and resumes its operations at once.
    public var replicaID: String?

    public init() {}

    public var adminTokenPath: String { "\(dataDirectory)/admin-token" }
    public var signingKeyPath: String { "\(dataDirectory)/signing-key.pem" }
    public var sqlitePath: String { "\(dataDirectory)/harbormaster.sqlite" }
    public var tlsDirectory: String { "\(dataDirectory)/tls" }
    public var replicaIDPath: String { "\(dataDirectory)/replica-id" }

    /// The replica id: configured, or kept in the data dir (made on first start).
    public func resolvedReplicaID() throws -> String {
        if let replicaID { return replicaID }
        if let saved = try? String(contentsOfFile: replicaIDPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !saved.isEmpty {
            return saved
        }
        let made = "\(ProcessInfo.processInfo.hostName)-\(UUID().uuidString.lowercased().prefix(8))"
        try Data((made + "\n").utf8).write(to: URL(fileURLWithPath: replicaIDPath))
        return made
    }

    /// Plain HTTP is only for loopback; anything else is served over TLS.
    public var isLoopback: Bool {
        ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.")
    }

    public var effectiveTLS: TLSMode {
        if tls == .none, !isLoopback { return .selfSigned }
        return tls
    }

    /// Parses `host:port` (or `[v6]:port`).
    public static func parseListen(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }
}
