import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Server

/// `hm serve`: runs the whole service in one process on embedded defaults.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the Harbormaster service.",
        discussion: """
            Starts the management API on embedded defaults: SQLite in the data directory, simulated
            IaaS and nodes, no external server. Prints its URLs and where the admin token is.
            """)

    @Option(help: "Directory for the database, keys, admin token and certificates.")
    var dataDir: String = ProcessInfo.processInfo.environment["HM_DATA_DIR"] ?? ".harbormaster"

    @Option(help: "host:port of the management API. Plain HTTP is served on loopback only; other addresses get TLS.")
    var listen: String = "127.0.0.1:8080"

    @Option(help: "host:port of the hosted Kubernetes API front that kubeconfigs point at.")
    var kubeListen: String = "127.0.0.1:6443"

    @Option(help: "Control-plane datastore: embedded (SQLite file per cluster) or etcd (a supervised etcd, prefix per cluster).")
    var datastore: String = "embedded"

    @Flag(help: "Serve HTTPS with a self-signed certificate kept in <data-dir>/tls (needed by az).")
    var tls = false

    @Option(help: "PEM certificate to serve HTTPS with (with --tls-key).")
    var tlsCert: String?

    @Option(help: "PEM private key for --tls-cert.")
    var tlsKey: String?

    @Option(help: "system, or simulated: runs at wall speed and jumps on POST /admin/clock:advance.")
    var clock: String = "system"

    @Option(help: "PostgreSQL URL (postgres://user:password@host:port/db) instead of the embedded SQLite store.")
    var database: String?

    @Option(help: "Seconds of service-clock time each provisioning step takes.")
    var provisioningStepSeconds: Double = 0.1

    @Option(help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel: String = "info"

    func run() async throws {
        var configuration = ServerConfiguration()
        configuration.dataDirectory = dataDir
        guard let (host, port) = ServerConfiguration.parseListen(listen) else {
            throw ValidationError("--listen must be host:port, got '\(listen)'.")
        }
        configuration.host = host
        configuration.port = port
        guard ServerConfiguration.parseListen(kubeListen) != nil else {
            throw ValidationError("--kube-listen must be host:port, got '\(kubeListen)'.")
        }
        configuration.kubeListen = kubeListen
        guard let datastoreMode = ServerConfiguration.DatastoreMode(rawValue: datastore) else {
            throw ValidationError("--datastore must be 'embedded' or 'etcd', got '\(datastore)'.")
        }
        configuration.datastore = datastoreMode
        switch (tlsCert, tlsKey) {
        case (let cert?, let key?): configuration.tls = .files(certificate: cert, key: key)
        case (nil, nil): configuration.tls = tls ? .selfSigned : .none
        default: throw ValidationError("--tls-cert and --tls-key go together.")
        }
        guard let clockMode = ServerConfiguration.ClockMode(rawValue: clock) else {
            throw ValidationError("--clock must be 'system' or 'simulated'.")
        }
        configuration.clock = clockMode
        configuration.databaseURL = database
        guard provisioningStepSeconds >= 0 else { throw ValidationError("--provisioning-step-seconds must be >= 0.") }
        configuration.provisioningStepSeconds = provisioningStepSeconds
        guard let level = Logger.Level(rawValue: logLevel) else { throw ValidationError("--log-level '\(logLevel)' is not a log level.") }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }

        let service = try await Harbormaster.build(configuration)
        let settings = configuration
        let app = try service.application { port in
            let scheme = settings.effectiveTLS == .none ? "http" : "https"
            let shownHost = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
            announce("hm: management API listening on \(scheme)://\(shownHost):\(port)")
            announce("hm: admin token in \(settings.adminTokenPath)")
            if let certificate = service.certificatePath { announce("hm: TLS certificate \(certificate)") }
            announce("hm: store \(settings.databaseURL == nil ? settings.sqlitePath : "PostgreSQL"), clock \(settings.clock.rawValue), datastore \(settings.datastore.rawValue)")
        } onKubeListening: { _ in
            announce("hm: hosted Kubernetes API listening on \(service.environment.kubeAPI.baseURL)/clusters/{cluster uid}")
        }
        try await app.runService()
    }
}

/// Writes a start-up line to stdout unbuffered, so a supervising process sees it at once.
func announce(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
