import ArgumentParser

/// Options of every tenant (`hm aks`) command: the connection plus the subscription to act in.
struct GlobalOptions: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Subscription id (env HM_SUBSCRIPTION; else the token's only subscription).")
    var subscription: String?

    /// The output format the user chose, or the command's own default.
    func output(default format: OutputFormat) -> OutputFormat {
        connection.output ?? format
    }
}
