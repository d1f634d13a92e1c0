import Foundation

extension LifecyclePolicy {
    /// The lifecycle actions due at `now`. A deletion supersedes everything else; at most
    /// one stop is returned (the one that fell due first); actions already carried out (a
    /// stopped cluster, an archived control plane) are not returned again.
    public func decisions(facts: ClusterFacts, findings: [Finding], now: Date) -> [LifecycleDecision] {
        let due = candidates(facts: facts, findings: findings).filter { $0.due <= now }
        if let deletion = due.filter({ $0.action == .deleteCluster }).min(by: { $0.due < $1.due }) {
            return [deletion]
        }
        let stop = due.filter { $0.action == .stopCluster }.min { $0.due < $1.due }
        return [stop].compactMap { $0 } + due.filter { $0.action == .archiveControlPlane }
    }

    /// Every action the facts call for, each with the date it falls due.
    private func candidates(facts: ClusterFacts, findings: [Finding]) -> [LifecycleDecision] {
        var result: [LifecycleDecision] = []
        let running = facts.stoppedSince == nil
        switch facts.subscription {
        case .registered:
            break
        case .deleted(let since):
            // POLICY L5: deleted subscription -> delete at once.
            result.append(.init(action: .deleteCluster, clause: .l5, reason: "the subscription was deleted", due: since))
        case .suspended(let since):
            // POLICY L5: suspended subscription -> stop at once, delete after 90 days.
            if running {
                result.append(.init(action: .stopCluster, clause: .l5, reason: "the subscription is suspended", due: since))
            }
            result.append(
                .init(
                    action: .deleteCluster, clause: .l5,
                    reason: "the subscription has been suspended for \(suspendedDeleteDays) days",
                    due: adding(days: suspendedDeleteDays, to: since)))
        }
        if let since = facts.stoppedSince {
            // POLICY L1: state is kept for 12 months.
            result.append(
                .init(
                    action: .deleteCluster, clause: .l1,
                    reason: "the cluster has been stopped for \(stoppedRetentionMonths) months",
                    due: adding(months: stoppedRetentionMonths, to: since)))
        }
        if running, facts.allNodesDeallocatedThroughIaaS,
            let finding = findings.first(where: { $0.clause == .l2 })
        {
            // POLICY L2: stopped 30 days after the deallocation was first seen.
            result.append(
                .init(
                    action: .stopCluster, clause: .l2,
                    reason: "all nodes have been deallocated through IaaS for \(deallocatedStopDays) days",
                    due: adding(days: deallocatedStopDays, to: finding.firstSeen)))
        }
        if let since = facts.idleSince {
            // POLICY L3: 0 Ready nodes and 0 running VMs for 30 days.
            result.append(
                .init(
                    action: .stopCluster, clause: .l3,
                    reason: "the cluster has had no Ready node and no running VM for \(zeroReadyStopDays) days",
                    due: adding(days: zeroReadyStopDays, to: since)))
        }
        if !facts.controlPlaneArchived, let since = outOfSupportSince(facts: facts, findings: findings) {
            // POLICY L4: out of support for 30 days or more -> archive.
            result.append(
                .init(
                    action: .archiveControlPlane, clause: .l4,
                    reason: "Kubernetes \(facts.kubernetesVersion.version) has been out of support for \(outOfSupportArchiveDays) days",
                    due: adding(days: outOfSupportArchiveDays, to: since)))
        }
        return result
    }

    /// The end of the version's support window, or when N9 first saw a version the catalog
    /// does not know. Nil while the version is supported (no N9 finding).
    private func outOfSupportSince(facts: ClusterFacts, findings: [Finding]) -> Date? {
        guard let finding = findings.first(where: { $0.clause == .n9 }) else { return nil }
        return facts.kubernetesVersion.endOfSupport ?? finding.firstSeen
    }
}
