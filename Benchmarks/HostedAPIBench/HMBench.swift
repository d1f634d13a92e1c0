import ArgumentParser

/// `hm-bench`: measurements of the hosted control planes that need more than HTTP load
/// (driven by `scripts/bench/hosted-api`). Each subcommand prints one JSON object on stdout.
@main
struct HMBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hm-bench",
        abstract: "Benchmarks of the control-plane datastores and the hosted Kubernetes API.",
        subcommands: [KVBenchmark.self, WatchBenchmark.self])
}
