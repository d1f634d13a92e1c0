/// A JSON tree for ARM bodies: the request bodies the management API checks against its
/// schemas, and the simulated IaaS's documents (`Microsoft.Compute`, `Microsoft.Network`).
/// Those resources are deep, mostly read-only ARM documents of which the service simulates a
/// few fields; building them as trees keeps each response next to the code that fills it,
/// instead of a hundred optional DTO fields. Keys are looked up case-insensitively, as ARM does;
/// values stay exact (booleans are not numbers).
public enum ARMJSON: Codable, Sendable, Equatable, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral
{
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ARMJSON])
    case object([String: ARMJSON])

    public init(dictionaryLiteral elements: (String, ARMJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(arrayLiteral elements: ARMJSON...) { self = .array(elements) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// `nil` becomes JSON null.
    public init(_ value: String?) { self = value.map(ARMJSON.string) ?? .null }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([ARMJSON].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: ARMJSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .number(let n):
            if n.rounded() == n, abs(n) < 1e15 { try container.encode(Int(n)) } else { try container.encode(n) }
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    /// The member named `key` (case-insensitive) of an object; nil for absent or null.
    public subscript(key: String) -> ARMJSON? {
        guard case .object(let object) = self else { return nil }
        let value = object[key] ?? object.first { $0.key.lowercased() == key.lowercased() }?.value
        return value == .null ? nil : value
    }

    /// This object with `key` set (objects only).
    public func setting(_ key: String, _ value: ARMJSON) -> ARMJSON {
        guard case .object(var object) = self else { return self }
        object[key] = value
        return .object(object)
    }
}
