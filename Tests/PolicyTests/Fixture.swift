import Foundation
import Policy

/// A healthy cluster as the drift controller would observe it, and instants to evaluate at.
enum Fixture {
    static let t0 = ISO8601DateFormatter().date(from: "2026-11-01T00:00:00Z")!
    static let versionEnd = ISO8601DateFormatter().date(from: "2027-05-31T00:00:00Z")!

    static func days(_ n: Double, after date: Date = t0) -> Date {
        date.addingTimeInterval(n * 86_400)
    }

    static let scriptExtension = VMExtension(name: "vmssCSE", type: "Microsoft.Azure.Extensions.CustomScript", version: "2.1")

    static func pool(name: String = "sys", scaleSet: String = "aks-sys-1234-vmss", count: Int = 3) -> AgentPoolFacts {
        let shape = ScaleSetShape(capacity: count, sku: "Standard_D4s_v5", extensions: [scriptExtension])
        return AgentPoolFacts(
            name: name, scaleSet: scaleSet, applied: shape, observed: shape,
            instances: (0..<count).map { VMInstanceFacts(name: "\(scaleSet)_\($0)", powerState: .running) })
    }

    static func healthy() -> ClusterFacts {
        ClusterFacts(
            cluster: "prod",
            kubernetesVersion: KubernetesVersionFacts(version: "1.34.2", endOfSupport: versionEnd),
            pools: [pool()],
            metadata: [
                MetadataFacts(
                    kind: .tag, resource: "virtualMachineScaleSets/aks-sys-1234-vmss",
                    applied: ["aks-managed-poolName": "sys"], observed: ["aks-managed-poolName": "sys"])
            ],
            securityRules: [
                SecurityRuleFacts(
                    name: "allow-lb-probe", nsg: "aks-agentpool-nsg", placement: .managedSubnet("aks-subnet"),
                    createdByService: true)
            ])
    }

    /// Findings of `clause` after evaluating `facts` at `now`.
    static func findings(_ clause: ClauseID, _ facts: ClusterFacts, previous: [Finding] = [], now: Date = t0) -> [Finding] {
        SupportPolicy.evaluate(facts, previous: previous, now: now).filter { $0.clause == clause }
    }
}
