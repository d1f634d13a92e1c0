import Core
import Foundation
import Infrastructure
@testable import ManagementStore
import PostgresNIO
import Testing

/// The store backends the Infrastructure tests run on, like `ManagementStoreTests`' `StoreBackend`:
/// SQLite in a temporary file, PostgreSQL in a fresh schema of `HM_TEST_POSTGRES_URL` (skipped
/// visibly when unset outside CI, a failure in CI).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite = "SQLite"
    case postgresql = "PostgreSQL"

    var testDescription: String { rawValue }

    /// Runs `body` with an `Infrastructure` on a fresh store and a manual clock.
    func withInfrastructure(_ body: (Infrastructure, SimulatedClock) async throws -> Void) async throws {
        let clock = SimulatedClock(mode: .manual, start: Date(timeIntervalSince1970: 1_800_000_000))
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hm-iaas-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try SQLiteManagementStore(path: directory.appendingPathComponent("m.sqlite").path)
            try await body(Infrastructure(store: store, clock: clock), clock)
        case .postgresql:
            let environment = ProcessInfo.processInfo.environment
            guard let url = environment["HM_TEST_POSTGRES_URL"], !url.isEmpty else {
                if let ci = environment["CI"], !ci.isEmpty { throw SetupError.missingURLInCI }
                let reason: Comment = "HM_TEST_POSTGRES_URL is not set: PostgreSQL case skipped"
                Issue.record(reason, severity: .warning)
                try Test.cancel(reason)
            }
            try await withSchema(url) { store in try await body(Infrastructure(store: store, clock: clock), clock) }
        }
    }

    enum SetupError: Error { case missingURLInCI }

    /// A store in a throwaway schema (`search_path` through libpq's `options`), dropped afterwards.
    private func withSchema(_ url: String, _ body: (PostgresManagementStore) async throws -> Void) async throws {
        let schema = "hm_iaas_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var components = URLComponents(string: url)!
        components.percentEncodedQueryItems =
            (components.percentEncodedQueryItems ?? []) + [URLQueryItem(name: "options", value: "-c%20search_path%3D\(schema)")]
        let admin = PostgresClient(configuration: try PostgresClient.Configuration(url: url))
        let store = try PostgresManagementStore(url: components.string!)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await admin.run() }
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            try await admin.query("CREATE SCHEMA \(unescaped: schema)")
            try await store.migrate()
            do {
                try await body(store)
            } catch {
                _ = try? await admin.query("DROP SCHEMA \(unescaped: schema) CASCADE")
                throw error
            }
            _ = try? await admin.query("DROP SCHEMA \(unescaped: schema) CASCADE")
        }
    }
}

/// The field an `InvalidParameter` / missing-parameter error names.
func errorTarget(_ error: ServiceError) -> String? {
    switch error {
    case .invalidParameter(let target, _), .missingParameter(let target): return target
    default: return nil
    }
}

/// A node resource group for cluster `name` in `rg1`.
func sampleGroup(_ name: String = "c1", subscription: String = "sub1") -> NodeResourceGroup {
    NodeResourceGroup(cluster: ClusterID(subscription: subscription, resourceGroup: "rg1", name: name), location: "eastus")
}

func sampleSpec(_ pool: String = "sys", count: Int = 3, image: String = "AKSUbuntu-2204gen2containerd-202611.10.0") -> ScaleSetSpec {
    ScaleSetSpec(
        poolName: pool, capacity: count, vmSize: "Standard_DS2_v2", nodeImageVersion: image, zones: ["1", "2", "3"],
        orchestratorVersion: "1.33.2", tags: ["team": "a"], operationID: "op-1")
}
