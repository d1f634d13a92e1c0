import KubeAPI

/// Where a pod may run by its own rules: `spec.nodeSelector` and the required node affinity
/// (`requiredDuringSchedulingIgnoredDuringExecution`): terms are ORed, the expressions of a
/// term ANDed, as upstream's `NodeAffinity` filter. Requirements reuse the API's `LabelSelector`.
struct NodePlacement: Sendable {
    let nodeSelector: [String: String]
    /// nil: no required affinity. Each term: label requirements and `metadata.name` requirements.
    let terms: [(labels: [LabelSelector.Requirement], names: [LabelSelector.Requirement])]?

    init(podSpec spec: JSON?) {
        nodeSelector = spec?["nodeSelector"]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
        let required = spec?[path: ["affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"]]
        terms = required?.arrayValue.map { terms in
            terms.map { term in
                (
                    labels: (term["matchExpressions"]?.arrayValue ?? []).compactMap(Self.requirement),
                    names: (term["matchFields"]?.arrayValue ?? []).compactMap(Self.requirement)
                )
            }
        }
    }

    /// No node selector and no required affinity: every node matches.
    var isUnconstrained: Bool { nodeSelector.isEmpty && terms == nil }

    func matches(_ node: Node) -> Bool { isUnconstrained || matches(name: node.name, labels: node.labels) }

    func matches(name: String, labels: [String: String]) -> Bool {
        guard nodeSelector.allSatisfy({ labels[$0.key] == $0.value }) else { return false }
        guard let terms else { return true }
        // Upstream: an empty term matches nothing, and so does an empty list of terms.
        return terms.contains { term in
            !(term.labels.isEmpty && term.names.isEmpty)
                && term.labels.allSatisfy { $0.matches(labels) }
                && term.names.allSatisfy { $0.matches(["metadata.name": name]) }
        }
    }

    /// A `NodeSelectorRequirement` (operators In, NotIn, Exists, DoesNotExist, Gt, Lt); an
    /// unknown operator yields a requirement no node meets.
    static func requirement(_ json: JSON) -> LabelSelector.Requirement? {
        guard let key = json["key"]?.stringValue else { return nil }
        let values = (json["values"]?.arrayValue ?? []).compactMap(\.stringValue)
        let op: LabelSelector.Operator
        switch json["operator"]?.stringValue {
        case "In": op = .in
        case "NotIn": op = .notIn
        case "Exists": op = .exists
        case "DoesNotExist": op = .doesNotExist
        case "Gt": op = .greaterThan
        case "Lt": op = .lessThan
        default: return LabelSelector.Requirement(key: key, op: .in, values: [])
        }
        return LabelSelector.Requirement(key: key, op: op, values: values)
    }
}
