import Foundation
import ManagementStore
import Testing

/// The backends every conformance test runs against: each case gets fresh stores on a fresh database.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite = "SQLite"
    case postgresql = "PostgreSQL"

    static let all: [StoreBackend] = allCases

    var testDescription: String { rawValue }

    /// Runs `body` with `count` store instances that share one fresh database, as replicas do.
    func withStores(count: Int, _ body: ([any ManagementStore]) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            try await SQLiteTestDatabase.withStores(count: count) { try await body($0) }
        case .postgresql:
            let url = try PostgresTestDatabase.configuredURL()
            try await PostgresTestDatabase.withStores(url: url, count: count) { try await body($0) }
        }
    }

    /// Runs `body` with one store on a fresh database.
    func withStore(_ body: (any ManagementStore) async throws -> Void) async throws {
        try await withStores(count: 1) { try await body($0[0]) }
    }
}
