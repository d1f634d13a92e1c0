import Core
import Foundation
import Logging
import PostgresNIO

/// The shared management store: PostgreSQL through postgres-nio, for several `hm serve` replicas.
/// Behaves exactly like `SQLiteManagementStore`; `run()` must be running while it is used.
public final class PostgresManagementStore: ManagementStore {
    let client: PostgresClient
    let logger: Logger

    /// Connects lazily to `postgres://user:password@host:port/database` (see `PostgresClient.Configuration(url:)`).
    public convenience init(
        url: String, logger: Logger = Logger(label: "harbormaster.store.postgres")
    ) throws {
        try self.init(configuration: PostgresClient.Configuration(url: url), logger: logger)
    }

    /// Uses an explicit client configuration.
    public init(
        configuration: PostgresClient.Configuration,
        logger: Logger = Logger(label: "harbormaster.store.postgres")
    ) {
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Runs the connection pool until the calling task is cancelled (or, under service-lifecycle,
    /// until graceful shutdown). Queries wait until this is running.
    public func run() async {
        await client.run()
    }

    /// Creates the tables if they are missing. Idempotent, and safe when replicas start together:
    /// one transaction under an advisory lock.
    public func migrate() async throws {
        try await transaction { connection in
            try await connection.execute(
                "SELECT pg_advisory_xact_lock(\(PostgresSchema.LockClass.migration), 0)", logger: logger)
            for statement in PostgresSchema.v1 + PostgresSchema.iaas + PostgresSchema.findings {
                try await connection.execute(statement, logger: logger)
            }
        }
    }

    /// Runs `body` in one transaction on one pooled connection: committed if it returns,
    /// rolled back if it throws; its error is rethrown as is, so a `ServiceError` stays one
    /// (`PostgresClient.withTransaction` would wrap it in a `PostgresTransactionError`).
    func transaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result)
        async throws -> Result
    {
        try await client.withConnection { connection in
            try await connection.execute("BEGIN", logger: logger)
            do {
                let result = try await body(connection)
                try await connection.execute("COMMIT", logger: logger)
                return result
            } catch {
                // The caller needs the first error; a connection that cannot roll back is broken
                // and the pool drops it.
                try? await connection.execute("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Runs `body` on one pooled connection outside a transaction (single statements).
    func withConnection<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result)
        async throws -> Result
    {
        try await client.withConnection { connection in try await body(connection) }
    }
}
