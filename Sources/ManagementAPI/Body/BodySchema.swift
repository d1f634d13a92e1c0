import Core
import Wire

/// What a request body may contain, as data (CP3: only documented settings are accepted).
/// Unknown properties are rejected naming their JSON path; read-only properties that clients
/// echo back (the SDK sends a GET result back on update) are accepted and ignored.
indirect enum BodySchema: Sendable {
    /// A JSON object with exactly these known keys (compared case-insensitively).
    case object([String: BodySchema])
    /// An array whose elements follow the schema.
    case array(BodySchema)
    /// An object of free string keys to string values (tags, labels).
    case stringMap
    /// Any scalar the typed decoder will check (string, number, bool).
    case scalar
    /// Ignored: read-only in the ARM spec.
    case readOnly
    /// Accepted only with one of these values (features the service does not offer stay off).
    case only([JSONScalar])
    /// Accepted only as an empty object or null (e.g. `addonProfiles: {}` that az sends).
    case emptyObject

    /// Checks `value` against the schema; throws naming the first offending path.
    func check(_ value: ARMJSON, path: String) throws(ServiceError) {
        if value == .null { return }
        switch self {
        case .readOnly, .scalar:
            return
        case .object(let fields):
            guard case .object(let object) = value else {
                throw .invalidRequestContent(message: "'\(path.isEmpty ? "body" : path)' must be a JSON object.")
            }
            let known = Dictionary(fields.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let schema = known[key.lowercased()] else { throw .unsupportedProperty(target: child) }
                try schema.check(object[key]!, path: child)
            }
        case .array(let element):
            guard case .array(let array) = value else { throw .invalidRequestContent(message: "'\(path)' must be a JSON array.") }
            for (index, item) in array.enumerated() { try element.check(item, path: "\(path)[\(index)]") }
        case .stringMap:
            guard case .object(let object) = value else { throw .invalidRequestContent(message: "'\(path)' must be a JSON object of strings.") }
            for key in object.keys.sorted() {
                guard case .string = object[key]! else {
                    throw .invalidParameter(target: "\(path).\(key)", message: "Values of '\(path)' must be strings.")
                }
            }
        case .only(let allowed):
            guard let scalar = JSONScalar(value), allowed.contains(scalar) else {
                throw .invalidParameter(target: path, message: "'\(path)' is not supported with the value \(JSONScalar(value)?.description ?? "given"); allowed: \(allowed.map(\.description).joined(separator: ", ")).")
            }
        case .emptyObject:
            guard case .object(let object) = value else { throw .invalidRequestContent(message: "'\(path)' must be a JSON object.") }
            if let key = object.keys.sorted().first { throw .unsupportedProperty(target: "\(path).\(key)") }
        }
    }
}

/// A JSON scalar for `.only` comparisons.
enum JSONScalar: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case bool(Bool)

    init?(_ value: ARMJSON) {
        switch value {
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(s)
        default: return nil
        }
    }

    static func == (lhs: JSONScalar, rhs: JSONScalar) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a.lowercased() == b.lowercased()
        case (.bool(let a), .bool(let b)): return a == b
        default: return false
        }
    }

    var description: String {
        switch self {
        case .string(let s): return "'\(s)'"
        case .bool(let b): return String(b)
        }
    }
}
