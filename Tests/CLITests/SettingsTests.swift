import Foundation
import Testing

@testable import CLI

/// A JWT-shaped token with the given payload; the signature is never checked by the client.
func unsignedToken(_ payload: String) -> String {
    func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
    return "\(encode(#"{"alg":"ES256","typ":"JWT"}"#)).\(encode(payload)).c2lnbmF0dXJl"
}

@Suite("connection settings and the subscription")
struct SettingsTests {
    let options = try! GlobalOptions.parse([])

    @Test("reads the subs claim of a token without verifying it")
    func readsSubsClaim() {
        let token = unsignedToken(#"{"tid":"t1","subs":["sub-a","sub-b"],"x":"??>>"}"#)
        #expect(TokenSubscriptions.decode(token) == ["sub-a", "sub-b"])
        #expect(TokenSubscriptions.decode("not-a-jwt") == nil)
    }

    @Test("uses the token's subscription when it names exactly one")
    func singleSubscriptionFromToken() throws {
        let token = unsignedToken(#"{"subs":["only-one"]}"#)
        #expect(try Settings.subscription(options, token: token, environment: [:]) == "only-one")
    }

    @Test("--subscription and HM_SUBSCRIPTION win over the token")
    func explicitSubscriptionWins() throws {
        let token = unsignedToken(#"{"subs":["from-token"]}"#)
        #expect(try Settings.subscription(options, token: token, environment: ["HM_SUBSCRIPTION": "env"]) == "env")
        let flagged = try GlobalOptions.parse(["--subscription", "flag"])
        #expect(try Settings.subscription(flagged, token: token, environment: ["HM_SUBSCRIPTION": "env"]) == "flag")
    }

    @Test("a token with several subscriptions and no choice is a usage error")
    func ambiguousSubscription() {
        let token = unsignedToken(#"{"subs":["a","b"]}"#)
        #expect(
            throws: CLIError.usage(
                "no subscription: pass --subscription or set HM_SUBSCRIPTION (the token names 2 subscriptions)")
        ) {
            try Settings.subscription(options, token: token, environment: [:])
        }
    }

    @Test("server comes from the flag, then HM_SERVER, then the default, without a trailing slash")
    func serverResolution() throws {
        #expect(Settings(options.connection, environment: [:]).server == "http://127.0.0.1:8080")
        #expect(Settings(options.connection, environment: ["HM_SERVER": "https://hm:9/"]).server == "https://hm:9")
        let flagged = try ConnectionOptions.parse(["--server", "http://x:1"])
        #expect(Settings(flagged, environment: ["HM_SERVER": "https://hm:9"]).server == "http://x:1")
    }

    @Test("a tenant command without a token is a usage error")
    func tenantNeedsToken() {
        #expect(throws: CLIError.self) { try Settings.tenant(options, environment: [:]) }
    }

    @Test("admin commands read the token file in the data directory before HM_TOKEN")
    func adminTokenFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "admin-secret\n".write(
            to: directory.appendingPathComponent("admin-token"), atomically: true, encoding: .utf8)
        let admin = try AdminOptions.parse(["--data-dir", directory.path])
        #expect(try Settings.admin(admin, environment: ["HM_TOKEN": "tenant"]).token == "admin-secret")
        #expect(try Settings.admin(admin, environment: ["HM_ADMIN_TOKEN": "env-admin"]).token == "env-admin")
        let elsewhere = try AdminOptions.parse(["--data-dir", directory.appendingPathComponent("none").path])
        #expect(try Settings.admin(elsewhere, environment: ["HM_TOKEN": "tenant"]).token == "tenant")
    }
}
