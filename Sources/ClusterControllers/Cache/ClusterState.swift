import KubeAPI

/// The caches of one cluster, one per watched type, and the controllers' writes through the
/// hosted API, which update the caches at once (write-through).
struct ClusterState: Sendable {
    let client: KubeClient
    let pods = Informer(.pods)
    let nodes = Informer(.nodes, isRelevant: { old, new in old.map { Node($0).placementFacts } != Node(new).placementFacts })
    let replicaSets = Informer(.replicaSets)
    let deployments = Informer(.deployments)
    let daemonSets = Informer(.daemonSets)
    /// Lease renewals never wake the controllers: staleness is judged on the tick.
    let leases = Informer(.leases, namespace: "kube-node-lease", isRelevant: { _, _ in false })

    var informers: [Informer] { [nodes, leases, pods, replicaSets, deployments, daemonSets] }

    /// Sum of the versions of the caches the workload controllers act on (not leases): equal
    /// values mean nothing they read has changed in between.
    var workloadVersion: Int { [nodes, pods, replicaSets, deployments, daemonSets].reduce(0) { $0 + $1.cache.version } }

    func cache(_ resource: KubeResource) -> ObjectCache? {
        informers.first { $0.resource == resource }?.cache
    }

    // MARK: Writes

    @discardableResult
    func create(_ resource: KubeResource, namespace: String, _ object: JSON) async throws(KubeError) -> JSON {
        stored(resource, try await client.create(resource, namespace: namespace, object))
    }

    @discardableResult
    func update(_ resource: KubeResource, _ object: JSON) async throws(KubeError) -> JSON {
        stored(resource, try await client.update(resource, namespace: Self.namespace(of: object), object))
    }

    @discardableResult
    func updateStatus(_ resource: KubeResource, _ object: JSON) async throws(KubeError) -> JSON {
        stored(resource, try await client.updateStatus(resource, namespace: Self.namespace(of: object), object))
    }

    /// A merge patch of the status subresource (no resourceVersion precondition).
    @discardableResult
    func patchStatus(_ resource: KubeResource, _ object: JSON, _ patch: JSON) async throws(KubeError) -> JSON {
        stored(resource, try await client.patch(resource, namespace: Self.namespace(of: object), ObjectMeta.name(object), patch, type: .merge, subresource: "status"))
    }

    private func stored(_ resource: KubeResource, _ object: JSON) -> JSON {
        cache(resource)?.stored(object)
        return object
    }

    /// The object's namespace as the client takes it (nil for cluster-scoped objects).
    static func namespace(of object: JSON) -> String? {
        let namespace = ObjectMeta.namespace(object)
        return namespace.isEmpty ? nil : namespace
    }

    /// Deletes the object if it is still the one read (uid precondition); gone already is fine.
    func delete(_ resource: KubeResource, _ object: JSON) async throws(KubeError) {
        let options: JSON = ["preconditions": ["uid": object[path: ["metadata", "uid"]] ?? ""]]
        do {
            try await client.delete(resource, namespace: Self.namespace(of: object), ObjectMeta.name(object), options: options)
        } catch where error.code == 404 {
        }
        cache(resource)?.removed(object)
    }

    func bind(_ pod: Pod, to node: String) async throws(KubeError) {
        try await client.bind(namespace: pod.namespace, pod: pod.name, node: node)
        pods.cache.amend(pod.key) { $0[path: ["spec", "nodeName"]] = .string(node) }
    }
}
