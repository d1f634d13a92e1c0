/// One rule of a Role or ClusterRole: verbs on resources in API groups (optionally only named
/// objects), or verbs on non-resource URLs. `*` is a wildcard in verbs, apiGroups and resources.
public struct PolicyRule: Sendable, Hashable {
    public var verbs: [String]
    public var apiGroups: [String]
    public var resources: [String]
    /// Empty means every object.
    public var resourceNames: [String]
    /// Exact paths, or prefixes when they end in `*` (`/api/*`).
    public var nonResourceURLs: [String]

    public init(
        verbs: [String], apiGroups: [String] = [], resources: [String] = [], resourceNames: [String] = [],
        nonResourceURLs: [String] = []
    ) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
    }

    /// Reads an `rbac.authorization.k8s.io/v1` PolicyRule; missing or non-string entries are ignored.
    public init(json: JSON) {
        func strings(_ key: String) -> [String] { json[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        self.init(
            verbs: strings("verbs"), apiGroups: strings("apiGroups"), resources: strings("resources"),
            resourceNames: strings("resourceNames"), nonResourceURLs: strings("nonResourceURLs"))
    }

    /// The rules of a Role or ClusterRole object.
    static func rules(of role: JSON) -> [PolicyRule] {
        role["rules"]?.arrayValue?.map(PolicyRule.init(json:)) ?? []
    }

    /// Whether this rule allows the request (upstream `RuleAllows`).
    public func allows(_ a: RequestAttributes) -> Bool {
        guard verbs.contains("*") || verbs.contains(a.verb) else { return false }
        guard a.isResourceRequest else {
            return nonResourceURLs.contains { Self.urlCovers($0, a.path) }
        }
        return (apiGroups.contains("*") || apiGroups.contains(a.group))
            && resourceMatches(a.combinedResource, subresource: a.subresource)
            && (resourceNames.isEmpty || resourceNames.contains(a.name))
    }

    /// `*` matches everything, `pods/eviction` matches exactly, `*/scale` matches the scale
    /// subresource of any resource. As upstream, `pods/*` is not a wildcard: it matches only itself.
    func resourceMatches(_ combined: String, subresource: String) -> Bool {
        resources.contains { rule in
            if rule == "*" || rule == combined { return true }
            return !subresource.isEmpty && rule == "*/\(subresource)"
        }
    }

    /// `/healthz` covers only itself; `/api/*` covers every path starting with `/api/`; `*` covers all.
    static func urlCovers(_ rule: String, _ path: String) -> Bool {
        if rule == path { return true }
        guard rule.hasSuffix("*") else { return false }
        return path.hasPrefix(String(rule.dropLast()))
    }

    /// The rule as a JSON object, as it is stored in a Role.
    public var json: JSON {
        var object: JSON = ["verbs": .array(verbs.map(JSON.string))]
        if !apiGroups.isEmpty { object["apiGroups"] = .array(apiGroups.map(JSON.string)) }
        if !resources.isEmpty { object["resources"] = .array(resources.map(JSON.string)) }
        if !resourceNames.isEmpty { object["resourceNames"] = .array(resourceNames.map(JSON.string)) }
        if !nonResourceURLs.isEmpty { object["nonResourceURLs"] = .array(nonResourceURLs.map(JSON.string)) }
        return object
    }
}

extension PolicyRule: CustomStringConvertible {
    /// Upstream's `CompactString`: `{APIGroups:[""], Resources:["pods"], Verbs:["create"]}`.
    public var description: String {
        func list(_ values: [String]) -> String { "[" + values.map { String(reflecting: $0) }.joined(separator: " ") + "]" }
        var parts: [String] = []
        if !apiGroups.isEmpty { parts.append("APIGroups:\(list(apiGroups))") }
        if !resources.isEmpty { parts.append("Resources:\(list(resources))") }
        if !nonResourceURLs.isEmpty { parts.append("NonResourceURLs:\(list(nonResourceURLs))") }
        if !resourceNames.isEmpty { parts.append("ResourceNames:\(list(resourceNames))") }
        if !verbs.isEmpty { parts.append("Verbs:\(list(verbs))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
