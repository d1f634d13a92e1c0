import ArgumentParser

/// The `hm` subcommands this module provides; the `hm` executable adds them next to `serve`.
public enum CLICommands {
    /// `hm aks ...` (tenant, az-compatible) and `hm admin ...` (provider).
    public static let all: [any ParsableCommand.Type] = [AKS.self, Admin.self]
}
