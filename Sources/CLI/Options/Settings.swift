import Foundation

/// Connection settings after flags, environment variables and defaults are applied, in that order.
struct Settings: Sendable, Equatable {
    static let defaultServer = "http://127.0.0.1:8080"
    static let defaultDataDirectory = "./.harbormaster"

    /// Base URL without a trailing slash.
    var server: String
    var token: String?
    var caFile: String?

    init(server: String, token: String?, caFile: String?) {
        var server = server
        while server.hasSuffix("/") { server.removeLast() }
        self.server = server
        self.token = token
        self.caFile = caFile
    }

    init(_ options: ConnectionOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(
            server: options.server ?? environment.nonEmpty("HM_SERVER") ?? Self.defaultServer,
            token: options.token ?? environment.nonEmpty("HM_TOKEN"),
            caFile: options.caFile ?? environment.nonEmpty("HM_CA_FILE")
        )
    }

    /// Settings of a tenant command; a token is required.
    static func tenant(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(CLIError) -> Settings
    {
        let settings = Settings(options.connection, environment: environment)
        guard settings.token != nil else {
            throw .usage("no token: pass --token or set HM_TOKEN (a provider mints one with `hm admin token create`)")
        }
        return settings
    }

    /// The subscription to act in: `--subscription`, else `HM_SUBSCRIPTION`, else the token's only one.
    static func subscription(
        _ options: GlobalOptions, token: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CLIError) -> String {
        if let chosen = options.subscription ?? environment.nonEmpty("HM_SUBSCRIPTION") { return chosen }
        let granted = token.flatMap(TokenSubscriptions.decode) ?? []
        guard granted.count == 1 else {
            let reason =
                granted.isEmpty
                ? "the token names no subscription" : "the token names \(granted.count) subscriptions"
            throw .usage("no subscription: pass --subscription or set HM_SUBSCRIPTION (\(reason))")
        }
        return granted[0]
    }
}

extension Dictionary where Key == String, Value == String {
    /// The variable's value, treating an empty one as unset.
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }
}
