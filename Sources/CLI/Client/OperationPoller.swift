import Core

/// Waits for a long-running operation the service accepted, showing progress on stderr.
struct OperationPoller: Sendable {
    let client: ManagementClient
    /// Paces the polls and measures the elapsed time shown; injectable so tests need not wait.
    var clock: any TimeSource = SystemClock()

    /// Polls until the operation started by `reply` ends; throws if it failed.
    /// `resourcePath` is the resource the operation acts on; its provisioningState is shown.
    func wait(for reply: HTTPReply, verb: HTTPVerb, resourcePath: String) async throws {
        var plan = PollPlan(reply: reply, verb: verb, resourcePath: resourcePath)
        var delay = PollPlan.delay(after: reply)
        var progress = ProgressLine()
        let start = clock.now()
        defer { progress.finish() }
        while let target = plan.target {
            let state = await provisioningState(resourcePath)
            progress.show(elapsedSeconds: Int(clock.now().timeIntervalSince(start)), state: state)
            try await clock.sleep(seconds: delay)
            let poll = try await client.exchange(.GET, target)
            plan = try plan.next(after: poll)
            delay = PollPlan.delay(after: poll)
        }
    }

    /// The resource's provisioningState, or nil when it cannot be read (gone, not yet visible).
    private func provisioningState(_ path: String) async -> String? {
        guard let reply = try? await client.exchange(.GET, path), reply.isSuccess else { return nil }
        return ProvisioningStateBody.read(reply.body)
    }
}
