import Core
import Foundation
import Infrastructure
import ManagementStore
import Policy

/// Gathers what the policy rules look at for one cluster (`Policy.ClusterFacts`) from the
/// management store and the simulated IaaS: each pool's scale set as the service last
/// applied it (the baseline) and as it is now, direct instance actions, system tags, and
/// every security rule that applies to the cluster's nodes. Reads only.
struct ClusterFactsBuilder: Sendable {
    let store: any ManagementStore
    let infrastructure: Infrastructure
    let versions: KubernetesVersionCatalog

    func facts(for cluster: ManagedClusterRecord) async throws -> ClusterFacts {
        let version = cluster.status.currentKubernetesVersion ?? cluster.spec.kubernetesVersion
        var facts = ClusterFacts(
            cluster: cluster.id.name,
            kubernetesVersion: KubernetesVersionFacts(version: version, endOfSupport: versions.minor(of: version)?.endOfLife),
            subscription: try await subscriptionState(cluster),
            stoppedSince: cluster.status.powerState == .stopped ? cluster.updatedAt : nil)
        guard !cluster.spec.nodeResourceGroup.isEmpty else { return facts }
        let group = NodeResourceGroup(cluster: cluster.id, location: cluster.location, name: cluster.spec.nodeResourceGroup)
        let scaleSets = try await infrastructure.scaleSets(in: group)
        facts.pools = scaleSets.map(poolFacts)
        facts.metadata = scaleSets.map {
            MetadataFacts(kind: .tag, resource: "virtualMachineScaleSets/\($0.name)", applied: $0.baseline.tags, observed: $0.model.tags)
        }
        let customerSubnets = try await store.agentPools(of: cluster.id).compactMap(\.spec.vnetSubnetID)
        let applied = try await infrastructure.securityGroups(applyingTo: group, customerSubnets: customerSubnets)
        facts.securityRules = applied.flatMap(ruleFacts)
        return facts
    }

    private func subscriptionState(_ cluster: ManagedClusterRecord) async throws -> Policy.SubscriptionState {
        guard let subscription = try await store.subscription(cluster.id.subscription) else { return .registered }
        switch subscription.state {
        case .suspended: return .suspended(since: subscription.updatedAt)
        case .deleted: return .deleted(since: subscription.updatedAt)
        default: return .registered
        }
    }

    private func poolFacts(_ scaleSet: ScaleSet) -> AgentPoolFacts {
        func shape(_ model: ScaleSetModel) -> ScaleSetShape {
            ScaleSetShape(
                capacity: model.capacity, sku: model.sku,
                extensions: model.extensions.map { Policy.VMExtension(name: $0.name, type: "\($0.publisher).\($0.type)", version: $0.typeHandlerVersion) })
        }
        var marks: [Int: Set<VMInstanceFacts.OutOfBandChange>] = [:]
        for event in scaleSet.outOfBand {
            guard let id = event.instanceID, let change = Self.change(event.action) else { continue }
            marks[id, default: []].insert(change)
        }
        var instances = scaleSet.instances.map { instance in
            VMInstanceFacts(name: instance.computerName, powerState: Self.power(of: instance), outOfBand: marks[instance.instanceID] ?? [])
        }
        let present = Set(scaleSet.instances.map(\.instanceID))
        for (id, changes) in marks.sorted(by: { $0.key < $1.key }) where !present.contains(id) {
            let name = VMInstance.computerName(scaleSet: scaleSet.name, instanceID: id)
            instances.append(VMInstanceFacts(name: name, powerState: .deallocated, outOfBand: changes.union([.deleted])))
        }
        return AgentPoolFacts(name: scaleSet.poolName, scaleSet: scaleSet.name, applied: shape(scaleSet.baseline), observed: shape(scaleSet.model), instances: instances)
    }

    private func ruleFacts(_ applied: AppliedSecurityGroup) -> [SecurityRuleFacts] {
        let nsg = applied.securityGroup
        let placement: SecurityRuleFacts.Placement
        switch applied.scope {
        case .managedSubnet(let subnet): placement = .managedSubnet(Self.lastSegment(subnet))
        case .customerSubnet(let subnet): placement = .customerSubnet(Self.lastSegment(subnet))
        case .nic(let scaleSet): placement = .nic(Self.lastSegment(scaleSet))
        }
        let own = Set((nsg.baseline ?? []).map(\.name))
        let blocked = RequiredEgress.blocked(by: nsg.securityRules.map {
            RequiredEgress.Rule(
                name: $0.name, priority: $0.priority, direction: $0.direction, access: $0.access, proto: $0.protocol,
                destinationPrefixes: $0.destinationAddressPrefixes, destinationPorts: $0.destinationPortRanges)
        })
        return nsg.securityRules.map { rule in
            SecurityRuleFacts(
                name: rule.name, nsg: nsg.name, placement: placement, createdByService: own.contains(rule.name),
                blockedRequiredEgress: blocked[rule.name] ?? [])
        }
    }

    static func lastSegment(_ id: String) -> String { id.split(separator: "/").last.map(String.init) ?? id }

    static func power(of instance: VMInstance) -> VMInstanceFacts.PowerState {
        switch instance.powerState {
        case .running: .running
        case .stopped: .stopped
        case .deallocated: .deallocated
        }
    }

    static func change(_ action: InstanceAction) -> VMInstanceFacts.OutOfBandChange? {
        switch action {
        case .deallocate: .deallocated
        case .powerOff: .poweredOff
        case .restart: .restarted
        case .reimage: .reimaged
        case .delete: .deleted
        case .start, .updateModel: nil
        }
    }
}
