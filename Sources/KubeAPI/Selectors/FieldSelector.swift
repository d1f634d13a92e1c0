/// A field selector (`metadata.name=web,status.phase!=Running`), as apimachinery's `fields`
/// package: `=`/`==` and `!=` terms, all of which must hold. Values may escape `\,` `\=` `\\`.
public struct FieldSelector: Sendable, Hashable {
    /// One `field=value` or `field!=value` term.
    public struct Term: Sendable, Hashable {
        public let field: String
        public let value: String
        public let negated: Bool

        public init(field: String, value: String, negated: Bool) {
            self.field = field
            self.value = value
            self.negated = negated
        }
    }

    public let terms: [Term]

    public init(terms: [Term]) {
        self.terms = terms
    }

    /// Fields whose absence means a value other than "" (upstream converts `spec.unschedulable`
    /// with `FormatBool`, so an unset field reads `false`).
    static let defaults: [String: String] = ["spec.unschedulable": "false"]

    /// Fields the selector names, in order, once each, so the caller can reject unsupported ones with a 400.
    public var fields: [String] {
        var seen: [String] = []
        for term in terms where !seen.contains(term.field) { seen.append(term.field) }
        return seen
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Matches against the object: a field is a dotted path to a scalar (`metadata.name`,
    /// `spec.nodeName`, `status.phase`, `type`, `involvedObject.name`); a missing field reads "".
    public func matches(_ object: JSON) -> Bool {
        terms.allSatisfy { term in (Self.value(of: term.field, in: object) == term.value) != term.negated }
    }

    /// The string form of the scalar at `field`: strings as they are, booleans `true`/`false`,
    /// numbers in decimal; objects, arrays, null and missing read as "" (or the field's default).
    static func value(of field: String, in object: JSON) -> String {
        var current: JSON? = object
        for part in field.split(separator: ".", omittingEmptySubsequences: false) {
            if let items = current?.arrayValue, let index = Int(part) {
                current = items.indices.contains(index) ? items[index] : nil
            } else {
                current = current?[String(part)]
            }
        }
        switch current {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 9e15 ? String(Int64(d)) : String(d)
        case .null, .array, .object, nil: return defaults[field] ?? ""
        }
    }

    public static func parse(_ text: String) throws(SelectorError) -> FieldSelector {
        var terms: [Term] = []
        for part in splitTerms(text) where !part.isEmpty {
            guard let (rawField, op, rawValue) = splitTerm(part) else {
                throw SelectorError("invalid field selector: '\(text)'; can't understand '\(part)'")
            }
            let field = String(rawField.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            guard !field.isEmpty else {
                throw SelectorError("invalid field selector: '\(text)'; '\(part)' names no field before '\(op)'")
            }
            terms.append(Term(field: field, value: try unescape(rawValue, in: text), negated: op == "!="))
        }
        return FieldSelector(terms: terms)
    }

    /// Splits at commas that are not escaped with `\`.
    static func splitTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var escaped = false
        for c in text {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                current.append(c)
                escaped = true
            } else if c == "," {
                terms.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        terms.append(current)
        return terms
    }

    /// The first `!=`, `==` or `=` in the term splits it into field, operator and value.
    static func splitTerm(_ term: String) -> (String, String, String)? {
        var index = term.startIndex
        while index < term.endIndex {
            let rest = term[index...]
            for op in ["!=", "==", "="] where rest.hasPrefix(op) {
                return (String(term[..<index]), op, String(rest.dropFirst(op.count)))
            }
            index = term.index(after: index)
        }
        return nil
    }

    /// Undoes `\\`, `\,` and `\=`; any other escape, or a bare `=` or `,`, is an error.
    static func unescape(_ value: String, in text: String) throws(SelectorError) -> String {
        var out = ""
        var escaped = false
        for c in value {
            if escaped {
                guard c == "\\" || c == "," || c == "=" else {
                    throw SelectorError("invalid field selector: '\(text)'; invalid escape sequence '\\\(c)' in value")
                }
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "=" || c == "," {
                throw SelectorError("invalid field selector: '\(text)'; '\(c)' in a value must be escaped as '\\\(c)'")
            } else {
                out.append(c)
            }
        }
        if escaped { throw SelectorError("invalid field selector: '\(text)'; value ends with an unfinished escape '\\'") }
        return out
    }
}

extension FieldSelector: CustomStringConvertible {
    /// `metadata.name=web,status.phase!=Running`, with `\`, `,` and `=` in values escaped.
    public var description: String {
        terms.map { term in
            var value = ""
            for c in term.value {
                if c == "\\" || c == "," || c == "=" { value.append("\\") }
                value.append(c)
            }
            return term.field + (term.negated ? "!=" : "=") + value
        }.joined(separator: ",")
    }
}
