import ArgumentParser

extension Admin.Token {
    /// `hm admin token revoke ID`: revokes the grant `token create -o json` reported as `id`; the token
    /// and the managed-identity tokens minted from it stop working within 30 seconds.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a tenant token (by the id 'token create -o json' printed).")

        @Argument(help: "The token's grant id.")
        var id: String

        @OptionGroup var admin: AdminOptions

        func run() async throws {
            try await CommandRunner.admin(admin) { client in
                try await client.revokeToken(id)
                Console.error("Revoked token \(id); it stops working within 30 seconds.")
            }
        }
    }
}
