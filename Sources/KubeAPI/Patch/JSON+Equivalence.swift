extension JSON {
    /// Equality as JSON means it: numbers compare by value (`1` equals `1.0`), objects ignore key
    /// order. Used by the JSON patch `test` operation and to match merge keys.
    func isEquivalent(to other: JSON) -> Bool {
        switch (self, other) {
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)):
            return Double(a) == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { key, value in b[key].map { value.isEquivalent(to: $0) } ?? false }
        default:
            return self == other
        }
    }

    /// A short rendering of a value for error messages (long values are cut).
    var excerpt: String {
        let text = self.text
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}
