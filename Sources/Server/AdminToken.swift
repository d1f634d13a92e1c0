import Foundation
import ManagementAPI

/// The provider's admin token: made on first start and kept in `<data-dir>/admin-token`
/// (mode 0600). If the file's token is no longer valid (a new database), a new one is made.
enum AdminToken {
    static let lifetime: TimeInterval = 10 * 365 * 86_400

    static func ensure(at path: String, tokens: TokenAuthority) async throws -> String {
        if let existing = try? String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
            !existing.isEmpty, let principal = try? await tokens.authenticate(bearer: existing), principal.isAdmin
        {
            return existing
        }
        let (token, _, _) = try await tokens.issue(tenantID: "provider", subscriptions: [], isAdmin: true, lifetime: lifetime)
        try SecretFile.write(token + "\n", to: path)
        return token
    }
}
