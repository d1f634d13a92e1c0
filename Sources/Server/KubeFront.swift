import Core
import Foundation
import Hummingbird
import HummingbirdTLS
import KubeAPI
import Logging
import ManagementAPI
import NIOSSL

/// The hosted Kubernetes API listener (`--kube-listen`): always TLS, with a self-signed
/// certificate kept in `<data-dir>/kube-tls/` that kubeconfigs carry as their CA. Tokens in
/// kubeconfigs are signed by the cluster's own CA and name a role (decision 005).
enum KubeFront {
    static func certificate(_ configuration: ServerConfiguration) throws -> (certificate: String, key: String) {
        let host = ServerConfiguration.parseListen(configuration.kubeListen)?.host ?? "127.0.0.1"
        let paths = try SelfSignedCertificate.ensure(
            in: "\(configuration.dataDirectory)/kube-tls", host: host, now: SystemClock().now(), commonName: "Harbormaster hosted Kubernetes API")
        return (paths.certificate, paths.key)
    }

    static func application(
        _ service: Harbormaster, onListening: @escaping @Sendable (Int) async -> Void
    ) throws -> some ApplicationProtocol {
        let (certificate, key) = try certificate(service.configuration)
        let listen = ServerConfiguration.parseListen(service.configuration.kubeListen) ?? ("127.0.0.1", 6443)
        let responder = KubeResponder(planes: service.controlPlanes, logger: service.logger)
        return Application(
            responder: responder,
            server: try .tls(tlsConfiguration: try Harbormaster.tlsConfiguration(certificate: certificate, key: key)),
            configuration: ApplicationConfiguration(address: .hostname(listen.host, port: listen.port), serverName: "Harbormaster-kube"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? listen.port) },
            logger: service.logger)
    }
}
