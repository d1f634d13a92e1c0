/// Why a `postgres://` URL given to `--database` (or to the tests) cannot be used.
public enum PostgresURLError: Error, Sendable, Equatable {
    /// The text is not a URL, or its scheme is not `postgres`/`postgresql`.
    case notAPostgresURL(String)
    /// The URL names no host.
    case missingHost
    /// The URL names no user.
    case missingUser
    /// `sslmode` holds a value libpq does not define.
    case unsupportedSSLMode(String, allowed: [String])
}

extension PostgresURLError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notAPostgresURL(let text):
            return
                "'\(text)' is not a PostgreSQL URL; expected postgres://user:password@host:port/database."
        case .missingHost: return "The PostgreSQL URL names no host."
        case .missingUser: return "The PostgreSQL URL names no user."
        case .unsupportedSSLMode(let mode, let allowed):
            return "sslmode '\(mode)' is not supported; use one of \(allowed.joined(separator: ", "))."
        }
    }
}
