extension Patch {
    /// RFC 6902 JSON patch: an array of `add`, `remove`, `replace`, `move`, `copy` and `test`
    /// operations applied in order; the first one that fails (a missing path, a failed `test`)
    /// fails the whole patch and names the operation.
    public static func applyJSONPatch(_ operations: JSON, to document: JSON) throws(PatchError) -> JSON {
        guard case .array(let list) = operations else {
            throw PatchError("a JSON patch must be an array of operations, not a \(operations.typeName)")
        }
        var result = document
        for (index, operation) in list.enumerated() {
            do {
                result = try apply(operation, to: result)
            } catch {
                let name = operation["op"]?.stringValue.map { " (\($0))" } ?? ""
                throw PatchError("JSON patch operation \(index)\(name): \(error.description)")
            }
        }
        return result
    }

    private static func apply(_ operation: JSON, to document: JSON) throws(PatchError) -> JSON {
        guard case .object = operation else { throw PatchError("an operation must be an object, not a \(operation.typeName)") }
        guard let op = operation["op"]?.stringValue else { throw PatchError("missing string member \"op\"") }
        let path = try pointer(operation, "path")
        switch op {
        case "add":
            return try path.adding(try value(operation), to: document)
        case "remove":
            return try path.removing(from: document)
        case "replace":
            return try path.replacing(with: try value(operation), in: document)
        case "move":
            let from = try pointer(operation, "from")
            if from == path { return document }
            if path.isStrictlyInside(from) {
                throw PatchError("cannot move \"\(from)\" into its own child \"\(path)\"")
            }
            guard let moved = from.value(in: document) else { throw from.missing() }
            return try path.adding(moved, to: try from.removing(from: document))
        case "copy":
            let from = try pointer(operation, "from")
            guard let copied = from.value(in: document) else { throw from.missing() }
            return try path.adding(copied, to: document)
        case "test":
            let expected = try value(operation)
            guard let actual = path.value(in: document) else { throw path.missing() }
            guard actual.isEquivalent(to: expected) else {
                throw PatchError("test failed: \"\(path)\" is \(actual.excerpt), not \(expected.excerpt)")
            }
            return document
        default:
            throw PatchError("unknown op \"\(op)\"; expected add, remove, replace, move, copy or test")
        }
    }

    private static func pointer(_ operation: JSON, _ member: String) throws(PatchError) -> JSONPointer {
        guard let text = operation[member]?.stringValue else { throw PatchError("missing string member \"\(member)\"") }
        return try JSONPointer(text)
    }

    /// The operation's `value`; an explicit `null` is a value, a missing member is an error.
    private static func value(_ operation: JSON) throws(PatchError) -> JSON {
        guard let value = operation["value"] else { throw PatchError("missing member \"value\"") }
        return value
    }
}
