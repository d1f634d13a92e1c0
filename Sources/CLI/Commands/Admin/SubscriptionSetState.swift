import ArgumentParser

extension Admin.Subscription {
    /// `hm admin subscription set-state SUB --state Enabled|Suspended|Deleted`.
    struct SetState: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-state", abstract: "Set a subscription's state.")

        /// The states a provider may set (ARM subscription states).
        enum State: String, CaseIterable, ExpressibleByArgument {
            case Enabled, Suspended, Deleted
        }

        @Argument(help: "Subscription id.")
        var subscription: String

        @Option(help: "Enabled, Suspended or Deleted.")
        var state: State

        @OptionGroup var admin: AdminOptions

        func run() async throws {
            try await CommandRunner.admin(admin) { client in
                let result = try await client.setSubscriptionState(subscription, state: state.rawValue)
                Printer.emit(result, as: admin.output(default: .json))
            }
        }
    }
}
