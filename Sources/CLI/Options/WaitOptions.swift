import ArgumentParser

/// `--no-wait`: return once the service has accepted a long-running operation.
struct WaitOptions: ParsableArguments {
    @Flag(name: .customLong("no-wait"), help: "Do not wait for the long-running operation to finish.")
    var noWait = false
}
