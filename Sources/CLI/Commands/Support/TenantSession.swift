/// What a tenant command works with: the client and the subscription it acts in.
struct TenantSession: Sendable {
    let client: ManagementClient
    let subscription: String

    func cluster(_ selector: ClusterSelector) -> ResourcePath.Cluster {
        ResourcePath.Cluster(subscription: subscription, resourceGroup: selector.resourceGroup, name: selector.name)
    }

    func pool(_ selector: PoolSelector) -> ResourcePath.AgentPool {
        selector.path(subscription: subscription)
    }

    /// Waits for the operation `reply` started unless `--no-wait`; true when it finished.
    func finish(_ reply: HTTPReply, verb: HTTPVerb, resource: String, _ wait: WaitOptions) async throws -> Bool {
        if wait.noWait { return false }
        try await OperationPoller(client: client).wait(for: reply, verb: verb, resourcePath: resource)
        return true
    }
}
