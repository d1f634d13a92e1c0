extension Clause {
    /// POLICY section B: agent nodes and shared responsibility.
    static let agentNodes: [Clause] = [
        Clause(
            id: .n1, area: .agentNodes,
            rule: "Customers define agent pools (count, VM size, OS, mode, labels, taints); every cluster has a System pool.",
            handling: .enforced,
            remedy: "Add or change pools through the service (`hm aks nodepool add` / `scale`); keep at least one System pool."),
        Clause(
            id: .n2, area: .agentNodes,
            rule: "The provider never accesses nodes without the customer's explicit consent.",
            handling: .enforced,
            remedy: "Grant just-in-time access on a support ticket when you want the provider to look at a node."),
        Clause(
            id: .n3, area: .agentNodes,
            rule: "Changing agent nodes through the IaaS API directly makes the cluster unsupported; use Kubernetes mechanisms.",
            handling: .detected,
            remedy:
                "Undo the change through the service: scale, start or reimage the pool with the service's API (`hm aks nodepool scale`); nodes rebuilt by the service come from the managed image (N10).",
            check: Check(severity: .unsupported, detect: ScaleSetRules.directChanges)),
        Clause(
            id: .n4, area: .agentNodes,
            rule: "Customers may add tags and labels; changing system-created metadata makes the cluster unsupported.",
            handling: .detected,
            remedy:
                "Restore the system tag or label to the value the service set, or remove the one you added under a reserved prefix; put your own metadata under your own keys.",
            check: Check(severity: .unsupported, detect: MetadataRules.systemMetadataChanges)),
        Clause(
            id: .n5, area: .agentNodes,
            rule: "Node images carry the managed node components (monitoring, networking agents).",
            handling: .enforced,
            remedy: "Nothing to do: the managed components ship in every node image; see them in the node's info."),
        Clause(
            id: .n6, area: .agentNodes,
            rule: "Agent nodes receive OS security patches automatically.",
            handling: .enforced,
            remedy: "Nothing to do: the node OS patch channel applies security patches."),
        Clause(
            id: .n7, area: .agentNodes,
            rule: "Broken node components are auto-repaired: restart component, reboot, reimage, redeploy.",
            handling: .enforced,
            remedy: "Nothing to do: auto-repair acts on its own; follow its steps in the cluster's events."),
        Clause(
            id: .n8, area: .agentNodes,
            rule: "Node images are released weekly and applied only when the customer upgrades or opts into auto-upgrade.",
            handling: .reported,
            remedy:
                "Upgrade node images per pool (`upgradeNodeImageVersion`) or enable the node image auto-upgrade channel with a maintenance window."
        ),
        Clause(
            id: .n9, area: .agentNodes,
            rule: "Clusters must stay on a Kubernetes version inside the support window.",
            handling: .detected,
            remedy: "Upgrade the cluster to a supported version (see `hm aks get-upgrades`): control plane first, then the pools.",
            check: Check(severity: .unsupported, detect: VersionRules.outOfSupport)),
        Clause(
            id: .n10, area: .agentNodes,
            rule: "Customisations not made through the service do not persist across upgrade, scale, update or reboot.",
            handling: .enforced,
            remedy: "Make node customisations with DaemonSets (N12) so they are re-applied to rebuilt nodes."),
        Clause(
            id: .n11, area: .agentNodes,
            rule: "Node VM extensions (custom script extensions) must not be added or changed.",
            handling: .detected,
            remedy:
                "Remove the extension you added or restore the service's one (a reimage through the service does this); run node setup as a privileged DaemonSet instead (N12).",
            check: Check(severity: .unsupported, detect: ScaleSetRules.extensionChanges)),
        Clause(
            id: .n12, area: .agentNodes,
            rule: "Privileged DaemonSets and init containers are the supported way to tune nodes.",
            handling: .enforced,
            remedy: "Tune nodes (sysctl, security agents) with a privileged DaemonSet; it runs on every matching node."),
    ]
}
