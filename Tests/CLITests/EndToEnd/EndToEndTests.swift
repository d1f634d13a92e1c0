import Foundation
import Testing
import Wire

/// `hm` driven as a user would, against `hm serve` running as a separate process.
@Suite("hm against a running server", .serialized, .enabled(if: HMBinary.shouldRun))
struct EndToEndTests {
    /// A tenant's view: server URL, a token for one fresh subscription, and a private HOME.
    struct Tenant {
        let server: ServerProcess
        let subscription: String
        let environment: [String: String]

        func hm(_ arguments: String...) async throws -> HMBinary.Result {
            try await HMBinary.run(arguments, environment: environment)
        }
    }

    private func tenant(of server: ServerProcess) async throws -> Tenant {
        let subscription = UUID().uuidString.lowercased()
        let minted = try await HMBinary.run(
            ["admin", "token", "create", "--subscription", subscription, "--data-dir", server.dataDirectory.path],
            environment: ["HM_SERVER": server.url])
        try #require(minted.status == 0, "token create failed: \(minted.stderr)")
        let token = minted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.split(separator: ".").count == 3, "only the token is printed: \(minted.stdout)")
        // No HM_SUBSCRIPTION: the CLI must take the subscription from the token's `subs` claim.
        return Tenant(
            server: server, subscription: subscription,
            environment: ["HM_SERVER": server.url, "HM_TOKEN": token, "HOME": server.dataDirectory.path])
    }

    @Test("create, list, add a pool, scale, stop, start, get credentials and delete a cluster")
    func clusterLifecycle() async throws {
        try #require(HMBinary.exists, "CI is set but \(HMBinary.path) was not built")
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let tenant = try await tenant(of: server)

        let created = try await tenant.hm(
            "aks", "create", "-g", "rg1", "-n", "c1", "--node-count", "1", "--tags", "env=test")
        try #require(created.status == 0, "create failed: \(created.stderr)")
        let cluster = try JSONDecoder().decode(ManagedClusterWire.self, from: Data(created.stdout.utf8))
        #expect(cluster.name == "c1")
        #expect(cluster.properties?.provisioningState == "Succeeded")
        #expect(cluster.tags == ["env": "test"])

        let updated = try await tenant.hm("aks", "update", "-g", "rg1", "-n", "c1", "--tags", "env=prod", "team=core")
        try #require(updated.status == 0, "update failed: \(updated.stderr)")
        let retagged = try JSONDecoder().decode(ManagedClusterWire.self, from: Data(updated.stdout.utf8))
        #expect(retagged.tags == ["env": "prod", "team": "core"])

        let listed = try await tenant.hm("aks", "list", "-o", "table")
        #expect(listed.status == 0)
        let rows = listed.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("Name    Location    ResourceGroup") == true, "\(listed.stdout)")
        #expect(rows.contains { $0.hasPrefix("c1 ") && $0.contains("rg1") && $0.contains("Succeeded") })

        let added = try await tenant.hm(
            "aks", "nodepool", "add", "--cluster-name", "c1", "-g", "rg1", "-n", "pool2", "--node-count", "1",
            "--labels", "tier=web")
        try #require(added.status == 0, "nodepool add failed: \(added.stderr)")
        let pool = try JSONDecoder().decode(AgentPoolWire.self, from: Data(added.stdout.utf8))
        #expect(pool.properties?.mode == "User")
        #expect(pool.properties?.provisioningState == "Succeeded")

        let scaled = try await tenant.hm(
            "aks", "scale", "-g", "rg1", "-n", "c1", "--nodepool-name", "pool2", "--node-count", "2")
        try #require(scaled.status == 0, "scale failed: \(scaled.stderr)")
        let pools = try await tenant.hm("aks", "nodepool", "list", "--cluster-name", "c1", "-g", "rg1", "-o", "tsv")
        #expect(pools.status == 0)
        let pool2 = pools.stdout.split(separator: "\n").first { $0.hasPrefix("pool2\t") }?.split(separator: "\t")
        #expect(pool2?[4] == "2", "pool2 count after scale: \(pools.stdout)")

        let stopped = try await tenant.hm("aks", "stop", "-g", "rg1", "-n", "c1")
        try #require(stopped.status == 0, "stop failed: \(stopped.stderr)")
        #expect(try powerState(stopped.stdout) == "Stopped")
        #expect(stopped.stderr.contains("- Running .."), "progress is shown while waiting")
        let started = try await tenant.hm("aks", "start", "-g", "rg1", "-n", "c1")
        try #require(started.status == 0, "start failed: \(started.stderr)")
        #expect(try powerState(started.stdout) == "Running")

        let credentials = try await tenant.hm("aks", "get-credentials", "-g", "rg1", "-n", "c1", "-f", "-")
        #expect(credentials.status == 0, "\(credentials.stderr)")
        #expect(credentials.stdout.contains("clusters:") && credentials.stdout.contains("current-context"))
        let merged = try await tenant.hm("aks", "get-credentials", "-g", "rg1", "-n", "c1")
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(
            FileManager.default.fileExists(atPath: server.dataDirectory.appendingPathComponent(".kube/config").path))

        let deleted = try await tenant.hm("aks", "delete", "-g", "rg1", "-n", "c1", "--yes")
        #expect(deleted.status == 0, "delete failed: \(deleted.stderr)")
        let gone = try await tenant.hm("aks", "show", "-g", "rg1", "-n", "c1")
        #expect(gone.status == 1)
        #expect(gone.stderr.hasPrefix("ERROR: ("), "an ARM error is printed: \(gone.stderr)")
    }

    @Test("errors from the service print as ERROR: (Code) message and exit 1; usage errors exit 2")
    func errors() async throws {
        try #require(HMBinary.exists, "CI is set but \(HMBinary.path) was not built")
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let tenant = try await tenant(of: server)
        let missing = try await tenant.hm("aks", "show", "-g", "rg1", "-n", "nothere")
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("ERROR: ("), "\(missing.stderr)")
        #expect(missing.stdout.isEmpty)
        let noSubscription = try await HMBinary.run(
            ["aks", "list"], environment: ["HM_SERVER": server.url, "HM_TOKEN": "not.a-jwt.x"])
        #expect(noSubscription.status == 2)
        #expect(noSubscription.stderr.contains("--subscription"))
    }

    @Test("the provider reads and advances the simulated clock and suspends a subscription")
    func adminCommands() async throws {
        try #require(HMBinary.exists, "CI is set but \(HMBinary.path) was not built")
        let server = try await ServerProcess.start(["--clock", "simulated"])
        defer { server.stop() }
        let admin = ["HM_SERVER": server.url, "HM_DATA_DIR": server.dataDirectory.path]
        let before = try await HMBinary.run(["admin", "clock", "show"], environment: admin)
        try #require(before.status == 0, "\(before.stderr)")
        let then = try JSONDecoder().decode(ClockWire.self, from: Data(before.stdout.utf8))
        #expect(then.mode.lowercased() == "simulated")
        let after = try await HMBinary.run(
            ["admin", "clock", "advance", "--hours", "1", "--seconds", "30"], environment: admin)
        try #require(after.status == 0, "\(after.stderr)")
        let now = try JSONDecoder().decode(ClockWire.self, from: Data(after.stdout.utf8))
        let moved = try #require(date(now.now)).timeIntervalSince(try #require(date(then.now)))
        #expect(moved >= 3630)

        let subscription = UUID().uuidString.lowercased()
        let minted = try await HMBinary.run(
            ["admin", "token", "create", "--subscription", subscription, "-o", "json"], environment: admin)
        try #require(minted.status == 0, "\(minted.stderr)")
        let token = try JSONDecoder().decode(TokenResponseWire.self, from: Data(minted.stdout.utf8))
        #expect(token.subscriptions == [subscription])
        let suspended = try await HMBinary.run(
            ["admin", "subscription", "set-state", subscription, "--state", "Suspended"], environment: admin)
        try #require(suspended.status == 0, "\(suspended.stderr)")
        #expect(
            try JSONDecoder().decode(SubscriptionStateWire.self, from: Data(suspended.stdout.utf8)).state == "Suspended"
        )
    }

    @Test("over HTTPS the CLI trusts the server's self-signed certificate given by --ca-file, and waits visibly")
    func tlsWithCAFile() async throws {
        try #require(HMBinary.exists, "CI is set but \(HMBinary.path) was not built")
        let server = try await ServerProcess.start(["--tls", "--provisioning-step-seconds", "0.5"])
        defer { server.stop() }
        #expect(server.url.hasPrefix("https://"))
        let caFile = server.dataDirectory.appendingPathComponent("tls/cert.pem").path
        let untrusted = try await HMBinary.run(
            ["admin", "clock", "show", "--data-dir", server.dataDirectory.path], environment: ["HM_SERVER": server.url])
        #expect(untrusted.status == 1)
        #expect(untrusted.stderr.contains("--ca-file"), "\(untrusted.stderr)")
        let minted = try await HMBinary.run(
            ["admin", "token", "create", "--subscription", UUID().uuidString.lowercased(), "--ca-file", caFile],
            environment: ["HM_SERVER": server.url, "HM_DATA_DIR": server.dataDirectory.path])
        try #require(minted.status == 0, "\(minted.stderr)")
        let environment = [
            "HM_SERVER": server.url, "HM_CA_FILE": caFile,
            "HM_TOKEN": minted.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
        ]
        let created = try await HMBinary.run(
            ["aks", "create", "-g", "rg1", "-n", "tls1", "--node-count", "1", "-o", "tsv"], environment: environment)
        try #require(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("tls1\teastus\trg1\t"))
        #expect(created.stderr.contains("\r- Running .. ("), "progress on stderr: \(created.stderr)")
        #expect(created.stderr.hasSuffix("\n"), "the progress line is ended before the result")
    }

    private func powerState(_ json: String) throws -> String? {
        try JSONDecoder().decode(ManagedClusterWire.self, from: Data(json.utf8)).properties?.powerState?.code
    }

    private func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
