import Core
import Foundation
import ManagementStore

/// The simulated IaaS (DESIGN: Infrastructure): per cluster a node resource group holding a
/// virtual network with a managed subnet, a network security group and one scale set per pool,
/// persisted in the management store; plus customers' own networks in any resource group.
///
/// Two paths change it. The *service path* (`ensureNodeResourceGroup`, `applyScaleSet`,
/// `setPower`, `reimage`, deletes) updates a resource and its baseline together. The *direct
/// path* (the ARM-shaped IaaS API, `Infrastructure+Direct*.swift`) updates only the current
/// state and records instance actions as out-of-band events, which the drift controller reports.
///
/// Every write is an atomic, eTag-checked commit of whole resources; a write that lost a race is
/// re-read and re-applied. After each commit, `changes()` yields the resource group's key.
/// Knows nothing of Kubernetes.
public struct Infrastructure: Sendable {
    let store: any ManagementStore
    let clock: any TimeSource
    /// The VM sizes scale sets may use.
    public let sizes: VMSizeCatalog
    let feed = InfrastructureChanges()

    public init(store: any ManagementStore, clock: any TimeSource, sizes: VMSizeCatalog = .standard) {
        self.store = store
        self.clock = clock
        self.sizes = sizes
    }

    /// Yields `NodeResourceGroup.key(subscription:resourceGroup:)` (lower-cased
    /// `subscription/resourcegroup`) after every committed write to a resource group, through the
    /// service or directly, so node agents and the drift controller react at once. In-process:
    /// replicas sharing PostgreSQL do not hear each other, so consumers also re-read periodically.
    /// The stream ends when the consumer stops iterating; a slow consumer keeps the newest 1,024 keys.
    public func changes() -> AsyncStream<String> { feed.stream() }

    // MARK: Reads

    /// The pools' scale sets in a node resource group, by name.
    public func scaleSets(in group: NodeResourceGroup) async throws -> [ScaleSet] {
        try await scaleSets(subscription: group.subscription, resourceGroup: group.name)
    }

    /// A pool's scale set by its ARM name (`aks-{pool}-{hash}-vmss`).
    public func scaleSet(in group: NodeResourceGroup, name: String) async throws -> ScaleSet? {
        try await load(ScaleSet.self, id: ARMResource.id(group.subscription, group.name, ARMResource.scaleSets, name))
    }

    /// Scale sets of a subscription, optionally of one resource group.
    public func scaleSets(subscription: String, resourceGroup: String?) async throws -> [ScaleSet] {
        try await list(ScaleSet.self, subscription: subscription, resourceGroup: resourceGroup)
    }

    public func virtualNetworks(subscription: String, resourceGroup: String?) async throws -> [VirtualNetwork] {
        try await list(VirtualNetwork.self, subscription: subscription, resourceGroup: resourceGroup)
    }

    public func securityGroups(subscription: String, resourceGroup: String?) async throws -> [NetworkSecurityGroup] {
        try await list(NetworkSecurityGroup.self, subscription: subscription, resourceGroup: resourceGroup)
    }

    public func virtualNetwork(id: String) async throws -> VirtualNetwork? { try await load(VirtualNetwork.self, id: id) }
    public func securityGroup(id: String) async throws -> NetworkSecurityGroup? { try await load(NetworkSecurityGroup.self, id: id) }
    public func scaleSet(id: String) async throws -> ScaleSet? { try await load(ScaleSet.self, id: id) }

    /// The node resource group recorded under that name, if the service created one.
    public func nodeResourceGroup(subscription: String, name: String) async throws -> NodeResourceGroup? {
        try await load(ResourceGroupRecord.self, id: "/subscriptions/\(subscription)/resourceGroups/\(name)")?.group
    }

    // MARK: Storage

    func load<R: StoredResource>(_ type: R.Type, id: String) async throws -> R? {
        guard let record = try await store.iaasResource(id), record.type.lowercased() == R.armType.lowercased() else { return nil }
        return try ResourceCoding.decode(type, record)
    }

    func list<R: StoredResource>(_ type: R.Type, subscription: String, resourceGroup: String?) async throws -> [R] {
        try await store.iaasResources(subscription: subscription, resourceGroup: resourceGroup, type: R.armType)
            .map { try ResourceCoding.decode(type, $0) }
    }

    /// Commits `changes` atomically with fresh eTags and announces the resource groups touched.
    /// Returns the new eTag of each written resource, by lower-cased id.
    @discardableResult
    func commit(_ changes: [ResourceChange]) async throws -> [String: String] {
        guard !changes.isEmpty else { return [:] }
        var commit = IaaSCommit()
        var keys = Set<String>()
        for change in changes {
            switch change {
            case .put(let resource, let expected):
                commit.writes.append(.init(try ResourceCoding.record(resource, eTag: "W/\"\(UUIDv4.make())\""), expected: expected))
                keys.insert(NodeResourceGroup.key(subscription: resource.subscription, resourceGroup: resource.resourceGroup))
            case .delete(let id, let expected):
                commit.deletes.append(.init(id: id, expected: expected))
                if let parsed = ARMResource.parse(id) {
                    keys.insert(NodeResourceGroup.key(subscription: parsed.subscription, resourceGroup: parsed.resourceGroup))
                }
            }
        }
        try await store.commitIaaS(commit)
        feed.publish(keys)
        return Dictionary(commit.writes.map { ($0.record.key, $0.record.eTag) }, uniquingKeysWith: { _, last in last })
    }

    /// Runs a read-modify-commit `body` again when its commit lost a race (another writer changed
    /// a resource it read), up to a few times; then the conflict surfaces as a 412.
    func retryingConflicts<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch ServiceError.preconditionFailed(let message) {
                attempt += 1
                if attempt >= 8 { throw ServiceError.preconditionFailed(message: message) }
            }
        }
    }
}
