extension Clause {
    /// POLICY section A: the managed control plane.
    static let controlPlane: [Clause] = [
        Clause(
            id: .cp1, area: .controlPlane,
            rule: "Each cluster gets a fully managed control plane: API server, etcd, DNS, networking and every kube-system add-on.",
            handling: .enforced,
            remedy:
                "Nothing to do: failed control-plane components are restarted by the service; check component health on the cluster page."),
        Clause(
            id: .cp2, area: .controlPlane,
            rule: "Customers cannot modify managed components.",
            handling: .enforced,
            remedy: "Change managed components only through the service's API; changes that bypass it are reported under N3, N4 and SEC4."),
        Clause(
            id: .cp3, area: .controlPlane,
            rule: "Customisation is limited to documented settings.",
            handling: .enforced,
            remedy: "Use only the settings documented for the API version you call; the error names the field that was refused."),
        Clause(
            id: .cp4, area: .controlPlane,
            rule: "etcd is backed up every 30 minutes for provider-side disaster recovery only; there is no customer restore.",
            handling: .enforced,
            remedy: "Keep your own backups of application state; for a control-plane recovery open a support ticket."),
        Clause(
            id: .cp5, area: .controlPlane,
            rule: "The provider operates API server, etcd and DNS and reports their uptime against the tier's SLA.",
            handling: .reported,
            remedy: "Read the cluster's availability report; open a support ticket if it falls below the tier's SLA."),
    ]
}
