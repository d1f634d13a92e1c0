extension AKS {
    /// What `stop` and `start` share: POST the action, wait for it, print the cluster.
    static func changePower(
        _ action: PowerAction, cluster: ClusterSelector, wait: WaitOptions, global: GlobalOptions
    ) async throws {
        try await CommandRunner.tenant(global) { session in
            let path = session.cluster(cluster)
            let reply = try await session.client.powerAction(path, action)
            guard try await session.finish(reply, verb: .POST, resource: path.path, wait) else { return }
            Printer.emit(try await session.client.cluster(path), as: global.output(default: .json))
        }
    }
}
