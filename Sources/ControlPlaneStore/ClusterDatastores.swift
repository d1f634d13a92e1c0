import Core
import Foundation

/// The datastores of the clusters this replica serves. Embedded (default): one SQLite file per
/// cluster under `<data-dir>/clusters/{uid}/datastore.sqlite`. etcd (`--datastore etcd`): a key
/// prefix per cluster on the supervised etcd (decision 004), with the cluster's folder holding
/// a marker. Provisioning opens one, stop closes it (memory and handles released, data kept),
/// start reopens it, delete destroys it.
public actor ClusterDatastores {
    /// Where clusters' data lives.
    public enum Backend: Sendable {
        case embedded
        case etcd(EtcdClient)
    }

    private let directory: String
    private let clock: any TimeSource
    public nonisolated let backend: Backend
    private var open: [String: any Datastore] = [:]

    public init(directory: String, clock: any TimeSource, backend: Backend = .embedded) {
        self.directory = directory
        self.clock = clock
        self.backend = backend
    }

    /// Where a cluster's embedded datastore lives.
    public nonisolated func path(forCluster uid: String) -> String {
        "\(directory)/\(uid)/datastore.sqlite"
    }

    /// True when this replica holds the cluster's datastore (it was opened here and not destroyed).
    public nonisolated func exists(cluster uid: String) -> Bool {
        switch backend {
        case .embedded: FileManager.default.fileExists(atPath: path(forCluster: uid))
        case .etcd: FileManager.default.fileExists(atPath: "\(directory)/\(uid)/etcd")
        }
    }

    /// Opens (creating on first use) the cluster's datastore; idempotent.
    @discardableResult
    public func open(cluster uid: String) async throws -> any Datastore {
        if let store = open[uid] { return store }
        try FileManager.default.createDirectory(atPath: "\(directory)/\(uid)", withIntermediateDirectories: true)
        let store: any Datastore
        switch backend {
        case .embedded:
            store = try SQLiteDatastore.open(path: path(forCluster: uid), clock: clock)
        case .etcd(let client):
            store = try await EtcdDatastore.open(client: client, cluster: uid, clock: clock)
            _ = FileManager.default.createFile(atPath: "\(directory)/\(uid)/etcd", contents: Data("shared etcd, prefix /hm/clusters/\(uid)/\n".utf8))
        }
        if let raced = open[uid] {
            try await store.close()
            return raced
        }
        open[uid] = store
        return store
    }

    /// The open datastore of a running cluster, if any.
    public func datastore(cluster uid: String) -> (any Datastore)? { open[uid] }

    /// Closes the cluster's datastore, keeping its data; idempotent.
    public func close(cluster uid: String) async throws {
        guard let store = open.removeValue(forKey: uid) else { return }
        try await store.close()
    }

    /// Closes and deletes the cluster's datastore; idempotent.
    public func destroy(cluster uid: String) async throws {
        try await close(cluster: uid)
        if case .etcd(let client) = backend { try await EtcdDatastore.destroy(client: client, cluster: uid) }
        let folder = "\(directory)/\(uid)"
        if FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Clusters whose datastore is open now.
    public var openClusters: [String] { open.keys.sorted() }
}
