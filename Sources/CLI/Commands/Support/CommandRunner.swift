import ArgumentParser

/// Runs a command's body: a `CLIError` is printed to stderr as `ERROR: ...` and becomes the
/// exit code (1, or 2 for usage); anything unexpected is printed the same way with code 1.
enum CommandRunner {
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CLIError {
            Console.error(error.rendered)
            throw ExitCode(error.exitCode)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.error("ERROR: \(error)")
            throw ExitCode.failure
        }
    }

    /// Runs a tenant command with a client and its subscription.
    static func tenant(_ options: GlobalOptions, _ body: (TenantSession) async throws -> Void) async throws {
        try await run {
            let settings = try Settings.tenant(options)
            let subscription = try Settings.subscription(options, token: settings.token)
            try await ManagementClient.with(settings) { client in
                try await body(TenantSession(client: client, subscription: subscription))
            }
        }
    }

    /// Runs a provider command with a client holding the admin token.
    static func admin(_ options: AdminOptions, _ body: (ManagementClient) async throws -> Void) async throws {
        try await run {
            try await ManagementClient.with(try Settings.admin(options), body)
        }
    }
}
