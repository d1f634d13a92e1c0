extension Clause {
    /// POLICY section C: security and patching.
    static let security: [Clause] = [
        Clause(
            id: .sec1, area: .security,
            rule: "Flaws in managed components are patched by the provider on every affected cluster.",
            handling: .enforced,
            remedy: "Nothing to do: fixed managed components are rolled out to affected control planes."),
        Clause(
            id: .sec2, area: .security,
            rule: "For flaws affecting agent nodes, customers are notified with impact and remediation steps.",
            handling: .reported,
            remedy: "Apply the fixed node image named in the notification with the command it gives."),
        Clause(
            id: .sec3, area: .security,
            rule: "Only vulnerabilities in managed components whose vendor fix is older than 30 days are support cases.",
            handling: .reported,
            remedy: "Keep node images current; report a vulnerability only when its vendor fix is more than 30 days old."),
        Clause(
            id: .sec4, area: .security,
            rule: "NSGs may be customised only on customer subnets, never on managed subnets or NICs; required egress stays allowed.",
            handling: .detected,
            remedy:
                "Delete the rule from the managed NSG or the NIC and allow the required egress endpoints again; put your own rules on an NSG of your own subnet.",
            check: Check(severity: .unsupported, detect: NetworkRules.managedRulesAndBlockedEgress)),
        Clause(
            id: .sec5, area: .security,
            rule: "The aks-service role lets the provider troubleshoot only under a live just-in-time grant and cannot escalate.",
            handling: .enforced,
            remedy: "Nothing to do: the binding is active only while a grant you approved is live."),
    ]
}
