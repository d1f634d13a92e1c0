import Foundation
import Logging
import ManagementStore
import ServiceLifecycle

/// Opens the management store the configuration names: SQLite in the data dir by default,
/// PostgreSQL with `--database postgres://...` (shared by replicas; migrated on start).
enum StoreFactory {
    static func make(_ configuration: ServerConfiguration, logger: Logger) async throws -> (any ManagementStore, [any Service]) {
        guard let url = configuration.databaseURL else {
            return (try SQLiteManagementStore(path: configuration.sqlitePath), [])
        }
        guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
            throw ServerError.unsupportedDatabase(url)
        }
        let store = try PostgresManagementStore(url: url, logger: logger)
        let pool = PostgresPoolService(store: store)
        try await store.migrate()
        return (store, [pool])
    }
}

/// Keeps the PostgreSQL connection pool running from start-up (the service needs the store
/// before its services start) until the service group shuts down; listed first, it stops last.
final class PostgresPoolService: Service, Sendable {
    private let task: Task<Void, Never>

    init(store: PostgresManagementStore) {
        task = Task { await store.run() }
    }

    func run() async throws {
        try? await gracefulShutdown()
        task.cancel()
        await task.value
    }
}

/// Start-up errors `hm serve` reports.
public enum ServerError: Error, CustomStringConvertible {
    case unsupportedDatabase(String)
    case invalidOption(String)

    public var description: String {
        switch self {
        case .unsupportedDatabase(let url): return "Unsupported --database URL '\(url)': use postgres://user:password@host:port/database."
        case .invalidOption(let message): return message
        }
    }
}
