import KubeAPI

/// Keeps an `ObjectCache` of one resource type current: a list, then one watch from the
/// list's revision for the whole cluster. When the watch ends (410 Gone after compaction, a
/// control-plane restart) it lists again and re-watches; when listing fails it stops and the
/// controller set's next tick starts it again, so nothing retries in a tight loop or sleeps.
struct Informer: Sendable {
    let resource: KubeResource
    let namespace: String?
    let cache = ObjectCache()
    /// Whether a change should wake the controllers (heartbeats should not).
    let isRelevant: @Sendable (_ old: JSON?, _ new: JSON) -> Bool

    init(_ resource: KubeResource, namespace: String? = nil, isRelevant: @escaping @Sendable (_ old: JSON?, _ new: JSON) -> Bool = { _, _ in true }) {
        self.resource = resource
        self.namespace = namespace
        self.isRelevant = isRelevant
    }

    /// Lists into the cache; returns the revision to watch from.
    func list(_ client: KubeClient) async throws(KubeError) -> Int64 {
        let list = try await client.list(resource, namespace: namespace)
        cache.replace(with: list.items)
        return list.resourceVersion
    }

    /// Watches from `revision`, relisting whenever the watch ends, until cancelled or a list fails.
    func run(_ client: KubeClient, from revision: Int64, onChange: @Sendable () -> Void) async {
        var revision = revision
        while !Task.isCancelled {
            do {
                let changes = try await client.watch(resource, namespace: namespace, after: revision)
                for try await change in changes {
                    let (old, applied) = cache.apply(change)
                    revision = max(revision, change.revision)
                    if applied, change.type == "DELETED" || isRelevant(old, change.object) {
                        cache.noteRelevantChange()
                        onChange()
                    }
                }
            } catch {
                // The watch ended with an error (410 Gone, control plane stopping): list again below.
            }
            if Task.isCancelled { return }
            do {
                revision = try await list(client)
                onChange()
            } catch {
                return
            }
        }
    }
}
