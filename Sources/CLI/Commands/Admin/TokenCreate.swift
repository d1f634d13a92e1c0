import ArgumentParser
import Wire

extension Admin.Token {
    /// `hm admin token create --subscription S [--subscription S2] [--tenant T]`: prints only the
    /// token, so `export HM_TOKEN=$(hm admin token create --subscription S)` works; `-o json` prints all.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mint a bearer token for tenant subscriptions.")

        @Option(name: .customLong("subscription"), help: "A subscription the token may use (repeatable).")
        var subscriptions: [String] = []

        @Option(help: "Tenant id (default: chosen by the service).")
        var tenant: String?

        @OptionGroup var admin: AdminOptions

        func validate() throws {
            guard !subscriptions.isEmpty else { throw ValidationError("Pass at least one --subscription.") }
        }

        func run() async throws {
            try await CommandRunner.admin(admin) { client in
                let minted = try await client.createToken(
                    TokenRequestWire(subscriptions: subscriptions, tenant: tenant))
                guard let format = admin.connection.output else { return Console.out(minted.token) }
                Printer.emit(minted, as: format)
            }
        }
    }
}
