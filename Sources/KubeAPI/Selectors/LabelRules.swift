/// Kubernetes rules for label keys and values (apimachinery `IsQualifiedName`, `IsValidLabelValue`).
enum LabelRules {
    static let nameRule =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
        + " (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let valueRule =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end"
        + " with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is"
        + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

    /// `[prefix/]name`: prefix a DNS subdomain of at most 253 characters, name at most 63.
    static func validateKey(_ key: String) throws(SelectorError) {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        let problem: String?
        switch parts.count {
        case 1: problem = nameProblem(parts[0])
        case 2:
            if parts[0].isEmpty {
                problem = "prefix part must be non-empty"
            } else if parts[0].utf8.count > 253 {
                problem = "prefix part must be no more than 253 characters"
            } else if !isDNSSubdomain(parts[0]) {
                problem =
                    "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.',"
                    + " and must start and end with an alphanumeric character"
            } else {
                problem = nameProblem(parts[1])
            }
        default: problem = "a qualified name " + nameRule + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
        }
        if let problem { throw SelectorError("invalid label key \(String(reflecting: key)): \(problem)") }
    }

    static func validateValue(_ value: String) throws(SelectorError) {
        if value.utf8.count > 63 {
            throw SelectorError("invalid label value \(String(reflecting: value)): must be no more than 63 characters")
        }
        if !value.isEmpty && !isName(Substring(value)) {
            throw SelectorError("invalid label value \(String(reflecting: value)): \(valueRule)")
        }
    }

    static func nameProblem(_ name: Substring) -> String? {
        if name.isEmpty { return "name part must be non-empty" }
        if name.utf8.count > 63 { return "name part must be no more than 63 characters" }
        return isName(name) ? nil : "name part " + nameRule
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
    static func isName(_ s: Substring) -> Bool {
        let bytes = Array(s.utf8)
        guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// Lower-case RFC 1123 labels joined by dots.
    static func isDNSSubdomain(_ s: Substring) -> Bool {
        s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            let bytes = Array(label.utf8)
            guard let first = bytes.first, let last = bytes.last else { return false }
            let lowerAlnum = { (b: UInt8) in (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
            return lowerAlnum(first) && lowerAlnum(last) && bytes.allSatisfy { lowerAlnum($0) || $0 == UInt8(ascii: "-") }
        }
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
