import Foundation
import PostgresNIO
import Testing

@testable import ManagementStore

/// A fresh, isolated PostgreSQL database for one test: a uniquely named schema in the database that
/// `HM_TEST_POSTGRES_URL` names, reached through `search_path` and dropped afterwards, so tests run in parallel.
enum PostgresTestDatabase {
    /// Why a PostgreSQL case cannot run.
    enum SetupError: Error, CustomStringConvertible {
        case missingURLInCI

        var description: String {
            "CI is set but HM_TEST_POSTGRES_URL is not: the PostgreSQL cases must run in CI (scripts/test starts a server)."
        }
    }

    /// The server to test against. Outside CI a missing URL skips (cancels) the case, visibly; in CI it fails.
    static func configuredURL() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["HM_TEST_POSTGRES_URL"], !url.isEmpty { return url }
        if let ci = environment["CI"], !ci.isEmpty { throw SetupError.missingURLInCI }
        // A cancelled case alone is silent in the console; the warning makes the skip visible.
        let reason: Comment = "HM_TEST_POSTGRES_URL is not set: PostgreSQL case skipped"
        Issue.record(reason, severity: .warning)
        try Test.cancel(reason)
    }

    /// Runs `body` with `count` stores on one fresh schema; each store runs its own connection pool.
    static func withStores(
        url: String, count: Int, _ body: ([PostgresManagementStore]) async throws -> Void
    ) async throws {
        let schema = "hm_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = PostgresClient(configuration: try PostgresClient.Configuration(url: url))
        let stores = try (0..<count).map { _ in
            try PostgresManagementStore(url: scopedURL(url, schema: schema))
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await admin.run() }
            for store in stores { group.addTask { await store.run() } }
            defer { group.cancelAll() }
            try await admin.query("CREATE SCHEMA \(unescaped: schema)")
            do {
                for store in stores { try await store.migrate() }
                try await body(stores)
            } catch {
                _ = try? await admin.query("DROP SCHEMA \(unescaped: schema) CASCADE")
                throw error
            }
            try await admin.query("DROP SCHEMA \(unescaped: schema) CASCADE")
        }
    }

    /// `url` with libpq's `options` set so that every connection works in `schema`.
    static func scopedURL(_ url: String, schema: String) -> String {
        var components = URLComponents(string: url)!
        let options = URLQueryItem(name: "options", value: "-c%20search_path%3D\(schema)")
        components.percentEncodedQueryItems = (components.percentEncodedQueryItems ?? []) + [options]
        return components.string!
    }
}
