import ControlPlaneStore
import Core
import ServiceLifecycle

/// `--datastore etcd`: the supervised etcd as a service. It is started before the service
/// builds (clusters' datastores open on it), restarted whenever it dies (CP1: a failed
/// component is restarted without customer action; its data dir keeps the clusters' data),
/// and stopped on shutdown.
struct EtcdService: Service {
    let process: EtcdProcess

    static func start(_ configuration: ServerConfiguration) async throws -> EtcdService {
        let process = try EtcdProcess(dataDirectory: "\(configuration.dataDirectory)/etcd", binary: configuration.etcdBinary, clock: SystemClock())
        try await process.start()
        return EtcdService(process: process)
    }

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await process.run()
        } onGracefulShutdown: {
            process.stop()
        }
    }
}
