import Core
import Foundation

/// The datastores of the clusters this replica serves, one embedded SQLite file per cluster
/// under `<data-dir>/clusters/{uid}/datastore.sqlite`. Provisioning opens one, stop closes it
/// (memory and handles released, data kept), start reopens it, delete destroys it.
public actor ClusterDatastores {
    private let directory: String
    private let clock: any TimeSource
    private var open: [String: SQLiteDatastore] = [:]

    public init(directory: String, clock: any TimeSource) {
        self.directory = directory
        self.clock = clock
    }

    /// Where a cluster's datastore lives.
    public nonisolated func path(forCluster uid: String) -> String {
        "\(directory)/\(uid)/datastore.sqlite"
    }

    /// Opens (creating on first use) the cluster's datastore; idempotent.
    @discardableResult
    public func open(cluster uid: String) throws -> any Datastore {
        if let store = open[uid] { return store }
        try FileManager.default.createDirectory(atPath: "\(directory)/\(uid)", withIntermediateDirectories: true)
        let store = try SQLiteDatastore.open(path: path(forCluster: uid), clock: clock)
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
        let folder = "\(directory)/\(uid)"
        if FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Clusters whose datastore is open now.
    public var openClusters: [String] { open.keys.sorted() }
}
