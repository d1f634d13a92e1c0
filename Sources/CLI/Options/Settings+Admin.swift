import Foundation

extension Settings {
    /// Settings of a provider command. The token is `--token`, else `HM_ADMIN_TOKEN`, else the
    /// `admin-token` file the server wrote in its data directory, else `HM_TOKEN`. The file is read
    /// before `HM_TOKEN` because `HM_TOKEN` usually holds a tenant token minted by this very command.
    static func admin(_ options: AdminOptions, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(CLIError) -> Settings
    {
        var settings = Settings(options.connection, environment: environment)
        let directory = options.dataDirectory ?? environment.nonEmpty("HM_DATA_DIR") ?? defaultDataDirectory
        let tokenFile = URL(fileURLWithPath: directory).appendingPathComponent("admin-token").path
        settings.token =
            options.connection.token
            ?? environment.nonEmpty("HM_ADMIN_TOKEN")
            ?? readToken(at: tokenFile)
            ?? environment.nonEmpty("HM_TOKEN")
        guard settings.token != nil else {
            throw .usage(
                "no admin token: pass --token, set HM_ADMIN_TOKEN, or point --data-dir at the server's data directory (\(tokenFile) is missing)"
            )
        }
        return settings
    }

    private static func readToken(at path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }
}
