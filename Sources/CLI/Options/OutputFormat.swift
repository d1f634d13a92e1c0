import ArgumentParser

/// How a command prints its result (`-o`), as `az` names the formats.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case json
    case table
    case tsv
}
