import ControlPlaneStore
import Core
import Foundation
import KubeAPI
import Infrastructure
import ManagementStore

/// One step a cluster walks through when its spec changes. Steps are data: the list is
/// extended as the hosted control plane (issue 4) and infrastructure (issue 5) arrive.
/// Each step is idempotent and its completion is persisted, so a restart resumes after
/// the last completed step.
public struct ProvisioningStep: Sendable {
    public let name: String
    /// What the step does, recorded as the event message.
    public let summary: String
    /// Does the step (idempotently) and records its effect on the cluster record, which the
    /// controller then persists with the step's completion.
    public let apply: @Sendable (inout ManagedClusterRecord, ProvisioningEnvironment) async throws -> Void

    public init(name: String, summary: String, apply: @escaping @Sendable (inout ManagedClusterRecord, ProvisioningEnvironment) async throws -> Void) {
        self.name = name
        self.summary = summary
        self.apply = apply
    }
}

/// Facts the steps need that are not in the record.
public struct ProvisioningEnvironment: Sendable {
    /// Domain under which control-plane FQDNs are published.
    public let dnsZone: String
    /// The per-cluster control-plane datastores.
    public let datastores: ClusterDatastores
    /// The hosted Kubernetes APIs this replica serves.
    public let controlPlanes: HostedControlPlanes
    /// The simulated IaaS (node resource groups, scale sets); nil: pools are bookkeeping only.
    public let infrastructure: Infrastructure?
    /// Node agents and workload controllers of the running clusters; nil: no nodes are simulated.
    public let nodes: NodeSimulation?

    public init(
        dnsZone: String, datastores: ClusterDatastores, controlPlanes: HostedControlPlanes, infrastructure: Infrastructure? = nil,
        nodes: NodeSimulation? = nil
    ) {
        self.dnsZone = dnsZone
        self.datastores = datastores
        self.controlPlanes = controlPlanes
        self.infrastructure = infrastructure
        self.nodes = nodes
    }

    /// The cluster's node resource group.
    func nodeResourceGroup(_ cluster: ManagedClusterRecord) -> NodeResourceGroup {
        NodeResourceGroup(cluster: cluster.id, location: cluster.location, name: cluster.spec.nodeResourceGroup.isEmpty ? nil : cluster.spec.nodeResourceGroup)
    }

    /// Opens the cluster's datastore and serves its API (creating the managed objects it lacks).
    func startControlPlane(_ cluster: ManagedClusterRecord) async throws {
        let uid = cluster.status.resourceUID
        let datastore = try await datastores.open(cluster: uid)
        try await controlPlanes.start(
            clusterUID: uid, kubernetesVersion: cluster.status.currentKubernetesVersion ?? cluster.spec.kubernetesVersion, datastore: datastore)
        if let nodes, let plane = await controlPlanes.controlPlane(uid) {
            await nodes.attach(cluster, plane: plane)
        }
    }

    /// Stops serving the cluster's API and closes its datastore; `destroy` also deletes its data.
    func stopControlPlane(_ cluster: ManagedClusterRecord, destroy: Bool) async throws {
        let uid = cluster.status.resourceUID
        await nodes?.detach(clusterUID: uid)
        await controlPlanes.stop(clusterUID: uid)
        if destroy {
            try await datastores.destroy(cluster: uid)
        } else {
            try await datastores.close(cluster: uid)
        }
    }
}

extension ProvisioningStep {
    /// The steps of a create or update, in order.
    public static let clusterSteps: [ProvisioningStep] = [
        ProvisioningStep(name: "ProvisionDatastore", summary: "Provisioned the control-plane datastore") { cluster, env in
            try await env.datastores.open(cluster: cluster.status.resourceUID)
        },
        ProvisioningStep(name: "ReserveNodeResourceGroup", summary: "Reserved the node resource group") { cluster, _ in
            if cluster.spec.nodeResourceGroup.isEmpty {
                cluster.spec.nodeResourceGroup = cluster.id.nodeResourceGroup(location: cluster.location)
            }
        },
        ProvisioningStep(name: "CreateNodeResourceGroup", summary: "Created the node resource group's virtual network and security group") { cluster, env in
            _ = try await env.infrastructure?.ensureNodeResourceGroup(env.nodeResourceGroup(cluster))
        },
        ProvisioningStep(name: "PublishControlPlaneEndpoint", summary: "Published the control-plane endpoint") { cluster, env in
            let suffix = String(cluster.status.resourceUID.replacingOccurrences(of: "-", with: "").prefix(8))
            cluster.status.fqdn = "\(cluster.spec.dnsPrefix.lowercased())-\(suffix).hcp.\(cluster.location.lowercased()).\(env.dnsZone)"
        },
        ProvisioningStep(name: "SetControlPlaneVersion", summary: "Set the control-plane Kubernetes version") { cluster, _ in
            cluster.status.currentKubernetesVersion = cluster.spec.kubernetesVersion
        },
        ProvisioningStep(name: "StartControlPlane", summary: "Started the hosted Kubernetes API with its managed objects") { cluster, env in
            if cluster.desiredPowerState == .running { try await env.startControlPlane(cluster) }
        },
    ]
}
