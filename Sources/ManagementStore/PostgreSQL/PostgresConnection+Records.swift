import Logging
import PostgresNIO

extension PostgresConnection {
    /// Runs a query whose first column is a record's JSON body and decodes each row.
    func records<Record: Decodable>(_ type: Record.Type, _ query: PostgresQuery, logger: Logger)
        async throws -> [Record]
    {
        var records: [Record] = []
        for try await body in try await self.query(query, logger: logger).decode(String.self) {
            records.append(try RecordCoding.decode(type, from: body))
        }
        return records
    }

    /// Runs a statement whose rows, if any, are of no interest.
    func execute(_ query: PostgresQuery, logger: Logger) async throws {
        for try await _ in try await self.query(query, logger: logger) {}
    }
}

extension PSQLError {
    /// Whether the server refused a write because of the named unique constraint or index.
    func isUniqueViolation(of constraint: String) -> Bool {
        serverInfo?[.sqlState] == "23505" && serverInfo?[.constraintName] == constraint
    }
}
