import Foundation
import PostgresNIO

extension PostgresClient.Configuration {
    /// `sslmode` values libpq defines; `allow` and `prefer` try TLS, `require` and the
    /// `verify-*` modes insist on it.
    static let sslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

    /// Reads a libpq-style URL: `postgres://user:password@host:port/database?sslmode=...&options=...`.
    /// Without `sslmode`, TLS is off for loopback hosts and preferred elsewhere. `options` is passed to
    /// the server as libpq does (e.g. `-c search_path=tenant_a`).
    init(url text: String) throws(PostgresURLError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            scheme == "postgres" || scheme == "postgresql"
        else { throw .notAPostgresURL(text) }
        guard let host = components.host, !host.isEmpty else { throw .missingHost }
        guard let user = components.user, !user.isEmpty else { throw .missingUser }
        let query = components.queryItems ?? []
        let sslMode = query.last { $0.name == "sslmode" }?.value
        let tls = try Self.tls(sslMode: sslMode, host: host)
        let path =
            components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.init(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: path.isEmpty ? nil : path, tls: tls)
        if let options = query.last(where: { $0.name == "options" })?.value, !options.isEmpty {
            self.options.additionalStartupParameters.append(("options", options))
        }
    }

    private static func tls(sslMode: String?, host: String) throws(PostgresURLError) -> TLS {
        switch sslMode {
        case nil:
            return isLoopback(host) ? .disable : .prefer(.makeClientConfiguration())
        case "disable":
            return .disable
        case "allow", "prefer":
            return .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full":
            return .require(.makeClientConfiguration())
        case let mode?:
            throw .unsupportedSSLMode(mode, allowed: sslModes)
        }
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
