extension Clause {
    /// POLICY section D: stopped, deallocated and not-ready clusters.
    static let lifecycle: [Clause] = [
        Clause(
            id: .l1, area: .lifecycle,
            rule: "A stopped cluster keeps its state for up to 12 months, then is deleted with all its resources.",
            handling: .detected,
            remedy: "Start the cluster (`hm aks start`) before the deletion date if you still need it.",
            check: Check(severity: .notice, detect: LifecycleRules.stopped)),
        Clause(
            id: .l2, area: .lifecycle,
            rule: "Deallocating all nodes through IaaS instead of stopping is unsupported; the service stops the cluster after 30 days.",
            handling: .detected,
            remedy:
                "Start the VMs through the service or stop the cluster properly (`hm aks stop`); otherwise the service stops it 30 days after this finding was first seen.",
            check: Check(severity: .unsupported, detect: LifecycleRules.deallocatedThroughIaaS)),
        Clause(
            id: .l3, area: .lifecycle,
            rule: "A cluster with no Ready node and no running VM for 30 days is stopped.",
            handling: .detected,
            remedy: "Bring nodes back (start or scale a pool through the service) before the stop date, or stop the cluster yourself.",
            check: Check(severity: .notice, detect: LifecycleRules.noReadyNodes)),
        Clause(
            id: .l4, area: .lifecycle,
            rule:
                "A control plane out of support for 30 days or more may be archived; a PUT that brings it back into support re-allocates it.",
            handling: .enforced,
            remedy: "Upgrade to a supported version (N9); an archived control plane is rehydrated from its last backup by that upgrade."),
        Clause(
            id: .l5, area: .lifecycle,
            rule: "Clusters in a suspended subscription are stopped at once and deleted after 90 days; in a deleted one, deleted at once.",
            handling: .detected,
            remedy: "Re-enable the subscription before the deletion date to keep the cluster.",
            check: Check(severity: .notice, detect: LifecycleRules.subscriptionState)),
    ]
}
