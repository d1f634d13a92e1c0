import Foundation

/// POLICY N9: the cluster's Kubernetes version must be inside the support window.
enum VersionRules {
    static func outOfSupport(_ facts: ClusterFacts, _ now: Date) -> [Clause.Detection] {
        let version = facts.kubernetesVersion
        guard !version.isSupported(at: now) else { return [] }
        let archive = LifecyclePolicy.standard.outOfSupportArchiveDays
        let reason =
            if let end = version.endOfSupport {
                "Kubernetes \(version.version) reached end of support on \(end.policyDay); "
                    + "the control plane may be archived from \(LifecyclePolicy.standard.adding(days: archive, to: end).policyDay) (L4)"
            } else {
                "Kubernetes \(version.version) is not in the provider's version catalog"
            }
        return [.init(subject: "kubernetesVersion", reason: reason)]
    }
}
