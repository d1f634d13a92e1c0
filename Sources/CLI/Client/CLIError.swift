import Wire

/// Everything a command can fail with, carrying what the user needs to read.
/// Rendered to stderr as `ERROR: ...` by `CommandRunner`; see `CLIError+Rendering.swift`.
enum CLIError: Error, Equatable {
    /// The command line or the environment is incomplete or contradictory (exit code 2).
    case usage(String)
    /// The service answered with an ARM error body.
    case arm(status: Int, ARMErrorWire)
    /// The service answered with an error that is not an ARM error body.
    case http(status: Int, body: String)
    /// A long-running operation ended `Failed` or `Canceled`.
    case operationFailed(status: String, error: ARMErrorWire?)
    /// The server could not be reached at all.
    case unreachable(server: String, reason: String)
    /// The service answered 2xx with a body the client cannot read.
    case invalidResponse(String)
    /// A local step failed: writing a file, merging a kubeconfig, a declined prompt.
    case local(String)
}
