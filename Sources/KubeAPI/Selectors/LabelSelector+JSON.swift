/// `metav1.LabelSelector` objects (`spec.selector` of Deployments, ReplicaSets, DaemonSets):
/// `matchLabels` and `matchExpressions`, ANDed, as upstream `LabelSelectorAsSelector`.
extension LabelSelector {
    /// A JSON `null` (absent selector) selects nothing; `{}` selects everything.
    public init(json: JSON) throws(SelectorError) {
        if json.isNull {
            self.init(nothing: ())
            return
        }
        guard let object = json.objectValue else {
            throw SelectorError("selector: must be an object, not \(json.typeName)")
        }
        var requirements: [Requirement] = []
        if let matchLabels = object["matchLabels"], !matchLabels.isNull {
            guard let labels = matchLabels.objectValue else {
                throw SelectorError("selector.matchLabels: must be an object of strings, not \(matchLabels.typeName)")
            }
            for (key, value) in labels.sorted(by: { $0.key < $1.key }) {
                guard let value = value.stringValue else {
                    throw SelectorError("selector.matchLabels[\(key)]: must be a string, not \(value.typeName)")
                }
                try LabelRules.validateKey(key)
                try LabelRules.validateValue(value)
                requirements.append(Requirement(key: key, op: .equals, values: [value]))
            }
        }
        for (index, expression) in (object["matchExpressions"]?.arrayValue ?? []).enumerated() {
            requirements.append(try Self.requirement(expression, field: "selector.matchExpressions[\(index)]"))
        }
        self.init(requirements: requirements)
    }

    static func requirement(_ expression: JSON, field: String) throws(SelectorError) -> Requirement {
        guard let key = expression["key"]?.stringValue else { throw SelectorError("\(field).key: Required value") }
        try LabelRules.validateKey(key)
        var values: [String] = []
        for value in expression["values"]?.arrayValue ?? [] {
            guard let value = value.stringValue else { throw SelectorError("\(field).values: must be strings") }
            try LabelRules.validateValue(value)
            values.append(value)
        }
        let name = expression["operator"]?.stringValue ?? ""
        let op: Operator
        switch name {
        case "In": op = .in
        case "NotIn": op = .notIn
        case "Exists": op = .exists
        case "DoesNotExist": op = .doesNotExist
        default:
            throw SelectorError(
                "\(field).operator: Unsupported value: \(String(reflecting: name)): supported values: \"In\", \"NotIn\", \"Exists\", \"DoesNotExist\""
            )
        }
        if (op == .in || op == .notIn) && values.isEmpty {
            throw SelectorError("\(field).values: Required value: must be specified when `operator` is 'In' or 'NotIn'")
        }
        if (op == .exists || op == .doesNotExist) && !values.isEmpty {
            throw SelectorError("\(field).values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'")
        }
        return Requirement(key: key, op: op, values: values)
    }
}
