import ArgumentParser

/// Where the management API is and how to talk to it; shared by every command.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Management API base URL (env HM_SERVER, default \(Settings.defaultServer)).")
    var server: String?

    @Option(help: "Bearer token (env HM_TOKEN).")
    var token: String?

    @Option(name: [.customShort("o"), .long], help: "Output format: json, table or tsv.")
    var output: OutputFormat?

    @Option(name: .customLong("ca-file"), help: "PEM file of CA certificates to trust (env HM_CA_FILE).")
    var caFile: String?
}
