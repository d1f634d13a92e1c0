import ArgumentParser
import CLI

/// `hm`: runs the Harbormaster service (`hm serve`) and is a client of its management API.
@main
struct HM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hm",
        abstract: "Harbormaster: a self-hosted managed Kubernetes service with an AKS-compatible API.",
        subcommands: [Serve.self] + CLICommands.all)
}
