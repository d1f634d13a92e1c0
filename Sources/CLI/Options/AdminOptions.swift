import ArgumentParser

/// Options of every provider (`hm admin`) command: the connection plus where the admin token lives.
struct AdminOptions: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions

    @Option(
        name: .customLong("data-dir"),
        help: "Server data directory holding admin-token (env HM_DATA_DIR, default \(Settings.defaultDataDirectory)).")
    var dataDirectory: String?

    /// The output format the user chose, or the command's own default.
    func output(default format: OutputFormat) -> OutputFormat {
        connection.output ?? format
    }
}
