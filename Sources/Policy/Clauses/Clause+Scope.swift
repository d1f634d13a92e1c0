extension Clause {
    /// POLICY section E: features, versions and support scope.
    static let scope: [Clause] = [
        Clause(
            id: .f1, area: .scope,
            rule: "Only stable and beta Kubernetes features are supported; alpha features are not.",
            handling: .detected,
            remedy: "Turn off the alpha feature gate or move to the beta or stable API version.",
            check: Check(severity: .unsupported, detect: FeatureRules.alphaFeatures)),
        Clause(
            id: .f2, area: .scope,
            rule: "Preview features need registration, are not for production and get best-effort support in business hours.",
            handling: .detected,
            remedy: "Expect best-effort support while the preview is in use; turn it off for full support.",
            check: Check(severity: .bestEffort, detect: FeatureRules.previewFeatures)),
        Clause(
            id: .sup1, area: .scope,
            rule:
                "Support covers the service's own components; third-party software, app code and undocumented customisation are not supported or best effort.",
            handling: .reported,
            remedy: "Take questions about third-party software or your own code to its vendor; tickets are triaged against this scope."),
        Clause(
            id: .sup2, area: .scope,
            rule: "Provider actions on a cluster need consent and a time-boxed just-in-time grant under an active ticket.",
            handling: .enforced,
            remedy: "Approve a just-in-time grant on your ticket when the provider asks; it is revoked automatically."),
        Clause(
            id: .sup3, area: .scope,
            rule: "Upstream bugs are linked, given a workaround and filed as known issues with a timeline.",
            handling: .reported,
            remedy: "Apply the workaround in the known issue linked to your ticket or cluster."),
        Clause(
            id: .sup4, area: .scope,
            rule: "Any customisation outside the service makes the cluster unsupported.",
            handling: .reported,
            remedy: "Fix every finding in the supportability report with its remedy; the cluster is Supported again once none is left."),
    ]
}
