import Foundation

/// POLICY L1, L2, L3 and L5 as findings; the stops and deletions they announce are
/// `LifecyclePolicy.decisions`. Dates quoted in reasons use `LifecyclePolicy.standard`.
enum LifecycleRules {
    private static var policy: LifecyclePolicy { .standard }

    /// L1: a stopped cluster is deleted 12 months after it was stopped.
    static func stopped(_ facts: ClusterFacts, _ now: Date) -> [Clause.Detection] {
        guard let since = facts.stoppedSince else { return [] }
        let deletion = policy.adding(months: policy.stoppedRetentionMonths, to: since)
        return [
            .init(
                subject: "stopped",
                reason:
                    "cluster \(facts.cluster) stopped since \(since.policyDay); it is deleted with all its resources on \(deletion.policyDay)"
            )
        ]
    }

    /// L2: every VM deallocated through IaaS while the cluster was not stopped.
    static func deallocatedThroughIaaS(_ facts: ClusterFacts, _ now: Date) -> [Clause.Detection] {
        guard facts.allNodesDeallocatedThroughIaaS else { return [] }
        let count = facts.existingInstances.count
        return [
            .init(
                subject: "allNodesDeallocated",
                reason: "all \(count) VMs of cluster \(facts.cluster) deallocated through IaaS instead of stopping the cluster; "
                    + "the service stops it \(policy.deallocatedStopDays) days after this was first seen")
        ]
    }

    /// L3: no Ready node and no running VM, counted from the day it began.
    static func noReadyNodes(_ facts: ClusterFacts, _ now: Date) -> [Clause.Detection] {
        guard let since = facts.idleSince else { return [] }
        let stop = policy.adding(days: policy.zeroReadyStopDays, to: since)
        return [
            .init(
                subject: "noReadyNodes",
                reason:
                    "cluster \(facts.cluster) has had no Ready node and no running VM since \(since.policyDay); it is stopped on \(stop.policyDay)"
            )
        ]
    }

    /// L5: the owning subscription is suspended or deleted.
    static func subscriptionState(_ facts: ClusterFacts, _ now: Date) -> [Clause.Detection] {
        switch facts.subscription {
        case .registered:
            return []
        case .suspended(let since):
            let deletion = policy.adding(days: policy.suspendedDeleteDays, to: since)
            return [
                .init(
                    subject: "subscription",
                    reason:
                        "subscription suspended since \(since.policyDay): cluster \(facts.cluster) is stopped and is deleted on \(deletion.policyDay)"
                )
            ]
        case .deleted(let since):
            return [
                .init(
                    subject: "subscription",
                    reason: "subscription deleted on \(since.policyDay): cluster \(facts.cluster) is deleted")
            ]
        }
    }
}
