import ArgumentParser

extension Admin.Clock {
    /// `hm admin clock advance --seconds N | --hours H | --days D` (simulated clock only); the
    /// amounts add up, so `--days 30 --hours 1` works.
    struct Advance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move the simulated clock forward; timers that fall due fire in order.")

        @Option(help: "Seconds to advance.")
        var seconds: Double?

        @Option(help: "Hours to advance.")
        var hours: Double?

        @Option(help: "Days to advance.")
        var days: Double?

        @OptionGroup var admin: AdminOptions

        /// The whole jump in seconds.
        var total: Double {
            (seconds ?? 0) + (hours ?? 0) * 3600 + (days ?? 0) * 86400
        }

        func validate() throws {
            guard seconds != nil || hours != nil || days != nil else {
                throw ValidationError("Pass --seconds, --hours or --days.")
            }
            guard total > 0 else { throw ValidationError("The clock only moves forward: the amount must be positive.") }
        }

        func run() async throws {
            try await CommandRunner.admin(admin) { client in
                Printer.emit(try await client.advanceClock(seconds: total), as: admin.output(default: .json))
            }
        }
    }
}
