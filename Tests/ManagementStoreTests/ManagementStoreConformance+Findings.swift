import Core
import Foundation
import ManagementStore
import Testing

extension ManagementStoreConformance {
    @Test("a cluster's findings are replaced as a whole and keep their first-seen times", arguments: StoreBackend.all)
    func findingsReplaceAsAWhole(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let cluster = "/subscriptions/s/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/a"
            let other = "/subscriptions/s/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/b"
            func finding(_ clause: String, _ subject: String, _ key: String = cluster, at seconds: TimeInterval = 0) -> FindingRecord {
                FindingRecord(
                    clusterKey: key, clause: clause, subject: subject, reason: "\(subject) changed outside the service",
                    firstSeen: Sample.at(seconds), severity: "Unsupported", remedy: "Undo it.")
            }
            try await store.replaceFindings(cluster: cluster, with: [finding("N3", "vmss/capacity"), finding("N11", "vmss/extension/x", at: 30)])
            try await store.replaceFindings(cluster: other, with: [finding("SEC4", "nsg/rule", other)])
            let stored = try await store.findings(cluster: cluster.uppercased())
            #expect(stored.map(\.id) == ["N11/vmss/extension/x", "N3/vmss/capacity"])
            #expect(stored.first?.firstSeen == Sample.at(30))

            try await store.replaceFindings(cluster: cluster, with: [finding("N3", "vmss/capacity")])
            #expect(try await store.findings(cluster: cluster).map(\.id) == ["N3/vmss/capacity"])
            try await store.replaceFindings(cluster: cluster, with: [])
            #expect(try await store.findings(cluster: cluster).isEmpty)
            #expect(try await store.findings(cluster: other).map(\.clause) == ["SEC4"])
        }
    }
}
