/// The `labelSelector` query syntax, as apimachinery's `labels.Parse`: comma-separated
/// requirements `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`, `k>1`, `k<1`.
extension LabelSelector {
    public static func parse(_ text: String) throws(SelectorError) -> LabelSelector {
        var parser = LabelSelectorParser(tokens: LabelSelectorParser.lex(text))
        return LabelSelector(requirements: try parser.parse())
    }
}

struct LabelSelectorParser {
    enum Token: Equatable {
        case identifier(String)
        case symbol(String)
        case end

        var text: String {
            switch self {
            case .identifier(let s), .symbol(let s): s
            case .end: "end of string"
            }
        }
    }

    static let symbols: Set<String> = ["!", "!=", "=", "==", "(", ")", ",", ">", "<"]
    static let symbolCharacters: Set<Character> = ["!", "=", "(", ")", ",", ">", "<"]

    var tokens: [Token]
    var position = 0

    /// Identifiers run until whitespace or a symbol character; symbols take the longest match.
    static func lex(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c.isWhitespace {
                index = text.index(after: index)
            } else if symbolCharacters.contains(c) {
                var symbol = String(c)
                index = text.index(after: index)
                while index < text.endIndex, symbols.contains(symbol + String(text[index])) {
                    symbol.append(text[index])
                    index = text.index(after: index)
                }
                tokens.append(.symbol(symbol))
            } else {
                let start = index
                while index < text.endIndex, !text[index].isWhitespace, !symbolCharacters.contains(text[index]) {
                    index = text.index(after: index)
                }
                tokens.append(.identifier(String(text[start..<index])))
            }
        }
        tokens.append(.end)
        return tokens
    }

    var next: Token { tokens[position] }

    mutating func consume() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    mutating func parse() throws(SelectorError) -> [LabelSelector.Requirement] {
        var requirements: [LabelSelector.Requirement] = []
        if next == .end { return [] }
        while true {
            switch next {
            case .identifier, .symbol("!"): requirements.append(try requirement())
            default: throw SelectorError("found '\(next.text)', expected: !, identifier, or 'end of string'")
            }
            switch consume() {
            case .end: return requirements
            case .symbol(","):
                switch next {
                case .identifier, .symbol("!"): continue
                default: throw SelectorError("found '\(next.text)', expected: identifier after ','")
                }
            case let token: throw SelectorError("found '\(token.text)', expected: ',' or 'end of string'")
            }
        }
    }

    mutating func requirement() throws(SelectorError) -> LabelSelector.Requirement {
        let negated = next == .symbol("!")
        if negated { _ = consume() }
        let keyToken = consume()
        guard case .identifier(let key) = keyToken else {
            throw SelectorError("found '\(keyToken.text)', expected: identifier")
        }
        try LabelRules.validateKey(key)
        if next == .end || next == .symbol(",") {
            return LabelSelector.Requirement(key: key, op: negated ? .doesNotExist : .exists, values: [])
        }
        if negated { throw SelectorError("found '\(next.text)', expected: ',' or 'end of string'") }
        let op = try self.op()
        let values = op == .in || op == .notIn ? try valueSet() : [try exactValue()]
        for value in values { try LabelRules.validateValue(value) }
        if op == .greaterThan || op == .lessThan, Int64(values[0]) == nil {
            throw SelectorError("for 'gt', 'lt' operators, the value must be an integer, not \(String(reflecting: values[0]))")
        }
        return LabelSelector.Requirement(key: key, op: op, values: values)
    }

    mutating func op() throws(SelectorError) -> LabelSelector.Operator {
        switch consume() {
        case .symbol("="): return .equals
        case .symbol("=="): return .doubleEquals
        case .symbol("!="): return .notEquals
        case .symbol(">"): return .greaterThan
        case .symbol("<"): return .lessThan
        case .identifier("in"): return .in
        case .identifier("notin"): return .notIn
        case let token: throw SelectorError("found '\(token.text)', expected: one of '=', '==', '!=', 'in', 'notin', '>', '<'")
        }
    }

    /// The value after `=`, `==`, `!=`, `>`, `<`; nothing before `,` or the end means "".
    mutating func exactValue() throws(SelectorError) -> String {
        switch next {
        case .end, .symbol(","): return ""
        case .identifier(let value):
            _ = consume()
            return value
        case let token: throw SelectorError("found '\(token.text)', expected: identifier")
        }
    }

    /// `(a,b)`; an empty slot (`()`, `(a,)`) is the empty value, as upstream.
    mutating func valueSet() throws(SelectorError) -> [String] {
        let open = consume()
        guard open == .symbol("(") else { throw SelectorError("found '\(open.text)', expected: '('") }
        var values: [String] = []
        while true {
            var value = ""
            if case .identifier(let v) = next {
                value = v
                _ = consume()
            }
            values.append(value)
            switch consume() {
            case .symbol(")"): return values
            case .symbol(","): continue
            case let token: throw SelectorError("found '\(token.text)', expected: ',' or ')'")
            }
        }
    }
}
