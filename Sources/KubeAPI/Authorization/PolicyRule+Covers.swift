/// Rule coverage for escalation checks, as upstream `pkg/registry/rbac/validation` `Covers`: a
/// servant rule is broken into one-verb, one-group, one-resource (one-name) pieces, and each
/// piece must be covered by some single owner rule.
extension PolicyRule {
    /// The pieces of `servant` that no rule of `owner` covers, in order (empty = fully covered).
    public static func uncovered(owner: [PolicyRule], servant: [PolicyRule]) -> [PolicyRule] {
        servant.flatMap(\.breakdown).filter { piece in !owner.contains { $0.covers(piece) } }
    }

    /// One rule per (group, resource, verb[, name]) and per (URL, verb).
    var breakdown: [PolicyRule] {
        var pieces: [PolicyRule] = []
        for group in apiGroups {
            for resource in resources {
                for verb in verbs {
                    if resourceNames.isEmpty {
                        pieces.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource]))
                    } else {
                        for name in resourceNames {
                            pieces.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name]))
                        }
                    }
                }
            }
        }
        for url in nonResourceURLs {
            for verb in verbs { pieces.append(PolicyRule(verbs: [verb], nonResourceURLs: [url])) }
        }
        return pieces
    }

    /// Whether this (owner) rule grants everything `sub` grants (upstream `ruleCovers`).
    func covers(_ sub: PolicyRule) -> Bool {
        let verbsCovered = verbs.contains("*") || sub.verbs.allSatisfy(verbs.contains)
        let groupsCovered = apiGroups.contains("*") || sub.apiGroups.allSatisfy(apiGroups.contains)
        let namesCovered =
            resourceNames.isEmpty || (!sub.resourceNames.isEmpty && sub.resourceNames.allSatisfy(resourceNames.contains))
        let urlsCovered = sub.nonResourceURLs.allSatisfy { path in nonResourceURLs.contains { Self.urlCovers($0, path) } }
        return verbsCovered && groupsCovered && resourcesCover(sub.resources) && namesCovered && urlsCovered
    }

    /// `*` covers all; otherwise each resource must be listed, or be `x/sub` with `*/sub` listed.
    func resourcesCover(_ wanted: [String]) -> Bool {
        if resources.contains("*") { return true }
        return wanted.allSatisfy { resource in
            if resources.contains(resource) { return true }
            guard let slash = resource.firstIndex(of: "/") else { return false }
            return resources.contains("*" + resource[slash...])
        }
    }
}
