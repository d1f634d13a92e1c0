import ArgumentParser

/// `hm admin`: the provider's commands (tokens, subscription states, the simulated clock).
struct Admin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Provider administration of the service (needs the admin token).",
        subcommands: [Token.self, Subscription.self, Clock.self])

    /// `hm admin token`.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mint and revoke tenant tokens.", subcommands: [Create.self, Revoke.self])
    }

    /// `hm admin subscription`.
    struct Subscription: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage tenant subscriptions.", subcommands: [SetState.self])
    }

    /// `hm admin clock`.
    struct Clock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read or advance the service clock.", subcommands: [Show.self, Advance.self])
    }
}
