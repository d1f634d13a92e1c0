import ArgumentParser
import Foundation

/// `hm-bench watch`: delivery latency of ConfigMap ADDED events to many concurrent watch streams
/// of one cluster's hosted API, from the moment the POST was sent to the moment a watcher read it.
struct WatchBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch delivery latency with many concurrent watchers, over HTTPS.")

    /// What `watch` prints.
    struct Result: Encodable {
        let watchers: Int
        let events: Int
        let established: Int
        let establishSeconds: Double
        let failedWatchers: Int
        let firstError: String?
        let delivered: Int
        let expected: Int
        let delivery: LatencySummary
        let create: LatencySummary
        let createFailures: Int
        let firstCreateError: String?

        enum CodingKeys: String, CodingKey {
            case watchers, events, established, delivered, expected, create
            case establishSeconds = "establish_seconds"
            case failedWatchers = "failed_watchers"
            case firstError = "first_error"
            case createFailures = "create_failures"
            case firstCreateError = "first_create_error"
        }

        /// The delivery figures sit beside the counts (`p50_ms`, `p99_ms`, `max_ms`).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(watchers, forKey: .watchers)
            try container.encode(events, forKey: .events)
            try container.encode(established, forKey: .established)
            try container.encode(establishSeconds, forKey: .establishSeconds)
            try container.encode(failedWatchers, forKey: .failedWatchers)
            try container.encodeIfPresent(firstError, forKey: .firstError)
            try container.encode(delivered, forKey: .delivered)
            try container.encode(expected, forKey: .expected)
            try container.encode(create, forKey: .create)
            try container.encode(createFailures, forKey: .createFailures)
            try container.encodeIfPresent(firstCreateError, forKey: .firstCreateError)
            try delivery.encode(to: encoder)
        }
    }

    @Option(help: "The cluster's server URL (https://.../clusters/{uid}), from its kubeconfig.")
    var server: String

    @Option(help: "Bearer token from the kubeconfig.")
    var token: String

    @Option(
        help: "PEM file of the front's certificate (the kubeconfig's certificate-authority-data).")
    var ca: String

    @Option(help: "Concurrent watch streams.")
    var watchers: Int = 1000

    @Option(help: "ConfigMaps created, one at a time.")
    var events: Int = 200

    @Option(help: "Milliseconds between the starts of two creates.")
    var intervalMs: Int = 20

    @Option(
        help: "Seconds to wait for every watcher to be established, and for the last events to arrive.")
    var waitSeconds: Int = 60

    func validate() throws {
        guard watchers > 0, events > 0, intervalMs >= 0, waitSeconds > 0 else {
            throw ValidationError(
                "--watchers, --events and --wait-seconds must be positive, --interval-ms not negative.")
        }
    }

    func run() async throws {
        let watchClient = HostedAPIClient.make(
            server: server, token: token, caFile: ca, connections: watchers + 8)
        let writer = HostedAPIClient.make(server: server, token: token, caFile: ca, connections: 4)
        do {
            try printJSON(try await measure(watchClient: watchClient, writer: writer))
        } catch {
            try? await watchClient.shutdown()
            try? await writer.shutdown()
            throw error
        }
        try await watchClient.shutdown()
        try await writer.shutdown()
    }

    func measure(watchClient: HostedAPIClient, writer: HostedAPIClient) async throws -> Result {
        let run = String(UUID().uuidString.prefix(8)).lowercased()
        let prefix = "hmw-\(run)-"
        let from = try await writer.listResourceVersion()
        let url = "\(watchClient.configMaps)?watch=true&resourceVersion=\(from)"
        let progress = WatchProgress()
        let stream = WatchStream(
            client: watchClient, url: url, prefix: Array(prefix.utf8), events: events, progress: progress)
        let watchers = self.watchers
        let events = self.events
        let opened = ContinuousClock.now
        return try await withThrowingTaskGroup(of: WatchStream.Outcome.self) { group in
            for _ in 0..<watchers {
                group.addTask { await stream.run() }
            }
            // Every watcher that sees "ready" has a live stream: what follows is delivered as it happens.
            var createErrors: [String] = []
            do {
                try await writer.createConfigMap(prefix + "ready")
                try await waitUntil(progress) { $0.ready + $0.failed >= watchers }
            } catch {
                createErrors.append("\(error)")
            }
            let establishSeconds = (ContinuousClock.now - opened).seconds
            let established = progress.counts.ready

            // A failed create ends the sending; the figures count what was sent and delivered.
            var sent: [ContinuousClock.Instant?] = []
            var creates: [Duration] = []
            let start = ContinuousClock.now
            for index in 0..<events {
                try await Task.sleep(until: start + .milliseconds(intervalMs * index), clock: .continuous)
                let now = ContinuousClock.now
                do {
                    try await writer.createConfigMap(prefix + "\(index)")
                    sent.append(now)
                    creates.append(ContinuousClock.now - now)
                } catch {
                    createErrors.append("\(error)")
                    break  // the server is stuck or failing: what was sent so far is what is measured
                }
            }
            sent += Array(repeating: nil, count: events - sent.count)
            try await waitUntil(progress) { $0.complete + $0.failed >= watchers }
            group.cancelAll()

            var delays: [Duration] = []
            delays.reserveCapacity(watchers * events)
            for try await outcome in group {
                for (index, arrival) in outcome.arrivals.enumerated() {
                    if let arrival, let sentAt = sent[index] { delays.append(arrival - sentAt) }
                }
            }
            let counts = progress.counts
            return Result(
                watchers: watchers, events: events, established: established,
                establishSeconds: LatencySummary.rounded(establishSeconds), failedWatchers: counts.failed,
                firstError: counts.firstError, delivered: delays.count, expected: watchers * events,
                delivery: LatencySummary(delays), create: LatencySummary(creates),
                createFailures: createErrors.count, firstCreateError: createErrors.first)
        }
    }

    /// Polls `progress` every 10 ms until `condition` holds or `waitSeconds` pass (then goes on:
    /// the figures report how many watchers and events made it).
    func waitUntil(_ progress: WatchProgress, _ condition: (WatchProgress.Counts) -> Bool)
        async throws
    {
        let deadline = ContinuousClock.now + .seconds(waitSeconds)
        while !condition(progress.counts) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
