import Foundation
import Logging
import ManagementStore
import ServiceLifecycle

/// Opens the management store the configuration names: SQLite in the data dir by default,
/// PostgreSQL with `--database postgres://...`.
enum StoreFactory {
    static func make(_ configuration: ServerConfiguration, logger: Logger) async throws -> (any ManagementStore, [any Service]) {
        if let url = configuration.databaseURL {
            throw ServerError.unsupportedDatabase(url)
        }
        return (try SQLiteManagementStore(path: configuration.sqlitePath), [])
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
