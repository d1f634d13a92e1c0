import Core
import Foundation
import ManagementStore

/// Records for the conformance tests, at fixed instants (the store never reads the clock).
enum Sample {
    static let t0 = Date(timeIntervalSince1970: 1_750_000_000)

    static func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    static func clusterID(
        _ name: String = "aks-one", subscription: String = "sub-a", resourceGroup: String = "rg-one"
    ) -> ClusterID {
        ClusterID(subscription: subscription, resourceGroup: resourceGroup, name: name)
    }

    static func cluster(_ id: ClusterID, eTag: String = UUIDv4.make(), created: Date = t0)
        -> ManagedClusterRecord
    {
        ManagedClusterRecord(
            id: id, location: "westeurope", tags: ["team": "store"],
            spec: ClusterSpec(
                kubernetesVersion: "1.33.2", dnsPrefix: id.name,
                nodeResourceGroup: id.nodeResourceGroup(location: "westeurope")),
            status: ClusterStatus(provisioningState: .creating, resourceUID: UUIDv4.make()),
            eTag: eTag, createdAt: created, updatedAt: created)
    }

    static func pool(_ name: String, of cluster: ClusterID, created: Date = t0, count: Int = 3)
        -> AgentPoolRecord
    {
        AgentPoolRecord(
            id: AgentPoolID(cluster: cluster, name: name),
            spec: AgentPoolSpec(
                count: count, vmSize: "Standard_D4s_v5", mode: .system, orchestratorVersion: "1.33.2"),
            status: AgentPoolStatus(provisioningState: .creating), createdAt: created, updatedAt: created)
    }

    static func operation(
        _ kind: OperationKind = .createOrUpdateCluster, on cluster: ClusterID, started: Date = t0
    ) -> OperationRecord {
        OperationRecord(kind: kind, cluster: cluster, location: "westeurope", startTime: started)
    }

    static func event(_ reason: String, on key: String, at time: Date = t0) -> EventRecord {
        EventRecord(resourceKey: key, time: time, reason: reason, message: "\(reason) happened")
    }
}
