import ArgumentParser

extension Admin.Clock {
    /// `hm admin clock show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the service clock's time and mode.")

        @OptionGroup var admin: AdminOptions

        func run() async throws {
            try await CommandRunner.admin(admin) { client in
                Printer.emit(try await client.clock(), as: admin.output(default: .json))
            }
        }
    }
}
