import Foundation
import ManagementStore

/// A fresh SQLite database for one test: a file in its own temporary directory, removed afterwards.
enum SQLiteTestDatabase {
    static func withStores(count: Int, _ body: ([SQLiteManagementStore]) async throws -> Void)
        async throws
    {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hm-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("management.sqlite").path
        let stores = try (0..<count).map { _ in try SQLiteManagementStore(path: path) }
        try await body(stores)
    }
}
