/// A label selector (`app=web,tier in (front,back),!canary`), parsed from a `labelSelector` query
/// parameter or from a `metav1.LabelSelector` object, matched against an object's labels.
/// All requirements must hold; no requirements match everything.
public struct LabelSelector: Sendable, Hashable {
    /// One requirement on one label key.
    public struct Requirement: Sendable, Hashable {
        public let key: String
        public let op: Operator
        /// One value for `=`, `==`, `!=`, `>`, `<`; the set for `in`/`notin`; none for exists/!exists.
        public let values: [String]

        public init(key: String, op: Operator, values: [String]) {
            self.key = key
            self.op = op
            self.values = values
        }

        public func matches(_ labels: [String: String]) -> Bool {
            let value = labels[key]
            switch op {
            case .equals, .doubleEquals, .in: return value.map(values.contains) ?? false
            case .notEquals, .notIn: return value.map { !values.contains($0) } ?? true
            case .exists: return value != nil
            case .doesNotExist: return value == nil
            case .greaterThan, .lessThan:
                guard let have = value.flatMap({ Int64($0) }), let want = values.first.flatMap({ Int64($0) }) else { return false }
                return op == .greaterThan ? have > want : have < want
            }
        }
    }

    public enum Operator: String, Sendable, Hashable {
        case equals = "="
        case doubleEquals = "=="
        case notEquals = "!="
        case `in` = "in"
        case notIn = "notin"
        case exists = "exists"
        case doesNotExist = "!"
        case greaterThan = "gt"
        case lessThan = "lt"
    }

    /// Sorted by key, as upstream keeps them.
    public let requirements: [Requirement]
    /// A nil `metav1.LabelSelector` selects nothing (upstream `labels.Nothing()`).
    let selectsNothing: Bool

    public init(requirements: [Requirement]) {
        self.requirements = requirements.enumerated()
            .sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        self.selectsNothing = false
    }

    init(nothing: Void) {
        requirements = []
        selectsNothing = true
    }

    /// The selector that matches every object.
    public static let everything = LabelSelector(requirements: [])

    /// True when the selector has no requirements (and so matches every object).
    public var isEmpty: Bool { requirements.isEmpty && !selectsNothing }

    public func matches(_ labels: [String: String]) -> Bool {
        !selectsNothing && requirements.allSatisfy { $0.matches(labels) }
    }

    /// Matches the labels of an object (`metadata.labels`; non-string values are ignored).
    public func matches(object: JSON) -> Bool {
        let labels = object[path: ["metadata", "labels"]]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
        return matches(labels)
    }
}

extension LabelSelector.Requirement: CustomStringConvertible {
    /// `a=b`, `a!=b`, `a in (x,y)`, `a`, `!a`, `a>3`, as upstream prints requirements.
    public var description: String {
        switch op {
        case .exists: key
        case .doesNotExist: "!" + key
        case .in, .notIn: "\(key) \(op.rawValue) (\(values.sorted().joined(separator: ",")))"
        case .greaterThan: "\(key)>\(values.first ?? "")"
        case .lessThan: "\(key)<\(values.first ?? "")"
        case .equals, .doubleEquals, .notEquals: "\(key)\(op.rawValue)\(values.first ?? "")"
        }
    }
}

extension LabelSelector: CustomStringConvertible {
    /// The selector in query-parameter syntax (`<none>` for a nil selector, "" for everything).
    public var description: String {
        selectsNothing ? "<none>" : requirements.map(\.description).joined(separator: ",")
    }
}
