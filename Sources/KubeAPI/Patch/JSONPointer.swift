/// An RFC 6901 JSON Pointer (`/spec/containers/0/image`, `~1` for `/`, `~0` for `~`), with the
/// edits JSON patch makes at the location it names.
struct JSONPointer: Equatable, CustomStringConvertible {
    /// The unescaped reference tokens; empty for the whole document.
    let tokens: [String]
    let description: String

    init(_ text: String) throws(PatchError) {
        description = text
        guard !text.isEmpty else {
            tokens = []
            return
        }
        guard text.hasPrefix("/") else {
            throw PatchError("invalid JSON pointer \"\(text)\": it must be empty or start with \"/\"")
        }
        var parsed: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var escaping = false
            for character in raw {
                if escaping {
                    switch character {
                    case "0": token.append("~")
                    case "1": token.append("/")
                    default: throw PatchError("invalid JSON pointer \"\(text)\": \"~\" must be followed by 0 or 1")
                    }
                    escaping = false
                } else if character == "~" {
                    escaping = true
                } else {
                    token.append(character)
                }
            }
            if escaping { throw PatchError("invalid JSON pointer \"\(text)\": \"~\" must be followed by 0 or 1") }
            parsed.append(token)
        }
        tokens = parsed
    }

    /// Whether `self` names a location strictly inside `other`.
    func isStrictlyInside(_ other: JSONPointer) -> Bool {
        tokens.count > other.tokens.count && Array(tokens.prefix(other.tokens.count)) == other.tokens
    }

    /// The value at this location, or nil when there is none.
    func value(in document: JSON) -> JSON? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let items):
                guard let index = Self.index(token), index < items.count else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Adds `value`: sets an object member, inserts into an array (`-` appends), or replaces the
    /// whole document for the empty pointer.
    func adding(_ value: JSON, to document: JSON) throws(PatchError) -> JSON {
        guard let last = tokens.last else { return value }
        return try editingParent(of: document) { (parent: inout JSON) throws(PatchError) in
            switch parent {
            case .object(var members):
                members[last] = value
                parent = .object(members)
            case .array(var items):
                if last == "-" {
                    items.append(value)
                } else if let index = Self.index(last), index <= items.count {
                    items.insert(value, at: index)
                } else {
                    throw PatchError("path \"\(description)\": \"\(last)\" is not an index of an array of \(items.count) items")
                }
                parent = .array(items)
            default:
                throw PatchError("path \"\(description)\": cannot add to a \(parent.typeName)")
            }
        }
    }

    /// Removes the existing value at this location.
    func removing(from document: JSON) throws(PatchError) -> JSON {
        guard let last = tokens.last else { throw PatchError("path \"\": the whole document cannot be removed") }
        return try editingParent(of: document) { (parent: inout JSON) throws(PatchError) in
            switch parent {
            case .object(var members) where members[last] != nil:
                members[last] = nil
                parent = .object(members)
            case .array(var items):
                guard let index = Self.index(last), index < items.count else {
                    throw PatchError("path \"\(description)\": no item \"\(last)\" in an array of \(items.count) items")
                }
                items.remove(at: index)
                parent = .array(items)
            default:
                throw missing()
            }
        }
    }

    /// Replaces the existing value at this location.
    func replacing(with value: JSON, in document: JSON) throws(PatchError) -> JSON {
        guard self.value(in: document) != nil else { throw missing() }
        if tokens.isEmpty { return value }
        let removed = try removing(from: document)
        return try adding(value, to: removed)
    }

    func missing() -> PatchError {
        PatchError("path \"\(description)\" does not exist in the object")
    }

    /// Applies `edit` to the container that holds the last token, then rebuilds the document.
    private func editingParent(
        of document: JSON, _ edit: (inout JSON) throws(PatchError) -> Void
    ) throws(PatchError) -> JSON {
        try rebuilding(document, depth: 0, edit)
    }

    private func rebuilding(
        _ node: JSON, depth: Int, _ edit: (inout JSON) throws(PatchError) -> Void
    ) throws(PatchError) -> JSON {
        var node = node
        if depth == tokens.count - 1 {
            try edit(&node)
            return node
        }
        let token = tokens[depth]
        let walked = "/" + tokens.prefix(depth + 1).map(Self.escape).joined(separator: "/")
        switch node {
        case .object(var members):
            guard let child = members[token] else { throw PatchError("path \"\(description)\": \"\(walked)\" does not exist") }
            members[token] = try rebuilding(child, depth: depth + 1, edit)
            node = .object(members)
        case .array(var items):
            guard let index = Self.index(token), index < items.count else {
                throw PatchError("path \"\(description)\": \"\(walked)\" does not exist")
            }
            items[index] = try rebuilding(items[index], depth: depth + 1, edit)
            node = .array(items)
        default:
            throw PatchError("path \"\(description)\": \"\(walked)\" is inside a \(node.typeName), not an object or array")
        }
        return node
    }

    /// An array index token: decimal digits without a leading zero.
    static func index(_ token: String) -> Int? {
        guard !token.isEmpty, token.allSatisfy(\.isASCII), token.allSatisfy(\.isNumber),
            token == "0" || !token.hasPrefix("0")
        else { return nil }
        return Int(token)
    }

    static func escape(_ token: String) -> String {
        var escaped = ""
        for character in token {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
