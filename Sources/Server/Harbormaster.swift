import ControlPlaneStore
import Core
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Infrastructure
import KubeAPI
import Logging
import ManagementAPI
import ManagementStore
import NIOSSL
import Operations
import Reconcile
import ServiceLifecycle

/// One Harbormaster service instance, built from a configuration: the management API
/// listener plus its background services. `hm serve` and the tests build it the same way.
public struct Harbormaster: Sendable {
    public let configuration: ServerConfiguration
    public let store: any ManagementStore
    public let clock: any TimeSource
    public let simulatedClock: SimulatedClock?
    public let tokens: TokenAuthority
    public let runner: OperationRunner
    /// The clusters' control-plane datastores.
    public let datastores: ClusterDatastores
    /// The running clusters' hosted Kubernetes APIs.
    public let controlPlanes: HostedControlPlanes
    public let environment: APIEnvironment
    /// The provider's admin token (also in `<data-dir>/admin-token`).
    public let adminToken: String
    /// Path of the self-signed certificate when serving TLS with one.
    public let certificatePath: String?
    let extraServices: [any Service]
    let logger: Logger

    /// Builds the service. `clockOverride` lets tests pass a manual clock.
    public static func build(_ configuration: ServerConfiguration, clockOverride: SimulatedClock? = nil, logger: Logger = Logger(label: "hm")) async throws -> Harbormaster {
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let simulated: SimulatedClock? = clockOverride ?? (configuration.clock == .simulated ? SimulatedClock(mode: .wallSpeed) : nil)
        let clock: any TimeSource = simulated ?? SystemClock()
        let (store, storeServices) = try await StoreFactory.make(configuration, logger: logger)
        let tokens = try await TokenAuthority.load(keyPath: configuration.signingKeyPath, store: store, clock: clock, issuer: "harbormaster")
        let adminToken = try await AdminToken.ensure(at: configuration.adminTokenPath, tokens: tokens)
        var services = storeServices
        let datastores: ClusterDatastores
        switch configuration.datastore {
        case .embedded:
            datastores = ClusterDatastores(directory: "\(configuration.dataDirectory)/clusters", clock: clock)
        case .etcd:
            let etcd = try await EtcdService.start(configuration)
            services.append(etcd)
            datastores = ClusterDatastores(directory: "\(configuration.dataDirectory)/clusters", clock: clock, backend: .etcd(etcd.process.client))
        }
        let controlPlanes = HostedControlPlanes(clock: clock, pkiRoot: "\(configuration.dataDirectory)/clusters")
        let infrastructure = Infrastructure(store: store, clock: clock)
        let nodes = NodeSimulation(store: store, infrastructure: infrastructure, controlPlanes: controlPlanes)
        let drift = DriftController(store: store, infrastructure: infrastructure, clock: clock)
        let provisioning = ProvisioningEnvironment(
            dnsZone: "harbormaster.internal", datastores: datastores, controlPlanes: controlPlanes, infrastructure: infrastructure, nodes: nodes)
        let reconciler = ClusterReconciler(
            store: store, clock: clock, stepDuration: configuration.provisioningStepSeconds, environment: provisioning, logger: logger)
        services.append(NodeSimulationService(nodes: nodes, infrastructure: infrastructure))
        services.append(DriftService(drift: drift, infrastructure: infrastructure))
        try await ControlPlaneRestore.run(store: store, environment: provisioning, logger: logger)
        let runner = OperationRunner(store: store, clock: clock, reconciler: reconciler, owner: try configuration.resolvedReplicaID(), logger: logger)
        let operations = ClusterOperations(store: store, clock: clock, runner: runner)
        let tls = configuration.effectiveTLS
        var certificatePath: String?
        if tls == .selfSigned {
            certificatePath = try SelfSignedCertificate.ensure(in: configuration.tlsDirectory, host: configuration.host, now: SystemClock().now()).certificate
        }
        let scheme = tls == .none ? "http" : "https"
        var environment = APIEnvironment(
            store: store, clock: clock, simulatedClock: simulated, operations: operations, tokens: tokens, metrics: APIMetrics(),
            scheme: scheme, publicBaseURL: "\(scheme)://\(configuration.host):\(configuration.port)",
            kubeAPI: HostedAPIEndpoint(
                baseURL: "https://\(configuration.kubeListen)",
                certificatePEM: try String(contentsOfFile: KubeFront.certificate(configuration).certificate, encoding: .utf8)),
            infrastructure: infrastructure)
        environment.controlPlanes = controlPlanes
        environment.drift = drift
        environment.nodes = nodes
        return Harbormaster(
            configuration: configuration, store: store, clock: clock, simulatedClock: simulated, tokens: tokens, runner: runner, datastores: datastores, controlPlanes: controlPlanes,
            environment: environment, adminToken: adminToken, certificatePath: certificatePath, extraServices: services, logger: logger)
    }

    /// The Hummingbird application serving the management API, with the runner as a service.
    /// `onListening` gets the bound port (useful with port 0).
    public func application(
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }, onKubeListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let server: HTTPServerBuilder
        switch configuration.effectiveTLS {
        case .none:
            server = .http1()
        case .selfSigned:
            server = try .tls(tlsConfiguration: try Self.tlsConfiguration(certificate: certificatePath!, key: "\(configuration.tlsDirectory)/key.pem"))
        case .files(let certificate, let key):
            server = try .tls(tlsConfiguration: try Self.tlsConfiguration(certificate: certificate, key: key))
        }
        return Application(
            responder: ManagementAPI.responder(environment, logger: logger),
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "Harbormaster"),
            services: extraServices + [runner, try kubeFront(onKubeListening), health],
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    var health: ControlPlaneHealthService {
        ControlPlaneHealthService(
            controller: ControlPlaneHealthController(datastores: datastores, controlPlanes: controlPlanes, logger: logger), clock: SystemClock())
    }

    /// The hosted Kubernetes API listener; a port-0 `--kube-listen` is published once bound.
    func kubeFront(_ onListening: @escaping @Sendable (Int) async -> Void) throws -> some Service {
        let endpoint = environment.kubeAPI
        let host = ServerConfiguration.parseListen(configuration.kubeListen)?.host ?? "127.0.0.1"
        return try KubeFront.application(self) { port in
            endpoint.update(baseURL: "https://\(host.contains(":") ? "[\(host)]" : host):\(port)")
            await onListening(port)
        }
    }

    static func tlsConfiguration(certificate: String, key: String) throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
    }
}
