import Foundation

/// Turns a protobuf message into a JSON object by following message schemas (data, not code).
struct ProtobufObjectDecoder {
    let schemas: [String: MessageSchema]
    /// The schemas are not recursive, so real bodies stay far below this; it only bounds a bad table.
    static let maximumDepth = 64

    /// Decodes one message. Unknown field numbers are skipped; `path` names the message in errors.
    func decodeObject(
        _ messageName: String, _ bytes: ArraySlice<UInt8>, path: String, depth: Int = 0
    ) throws(ProtobufDecodingError) -> [String: JSON] {
        guard depth < Self.maximumDepth else { throw ProtobufDecodingError(path: path, "messages nested too deeply") }
        guard let schema = schemas[messageName] else {
            throw ProtobufDecodingError(path: path, "no schema for protobuf message \(messageName)")
        }
        // Lists and maps grow in place (`default:` subscripts), so a long list costs linear time.
        var values: [Int: JSON] = [:]
        var lists: [Int: [JSON]] = [:]
        var maps: [Int: [String: JSON]] = [:]
        var reader = ProtobufWireReader(bytes)
        while let (number, value) = try wire(path, { () throws(ProtobufWireError) in try reader.nextField() }) {
            guard let field = schema.fieldsByNumber[number] else { continue }
            let fieldPath = path.isEmpty ? field.jsonName : "\(path).\(field.jsonName)"
            switch field.type {
            case .repeated(let element):
                try appendElements(element, value, to: &lists[number, default: []], path: fieldPath, depth: depth)
            case .map(let valueType):
                let (key, entry) = try decodeMapEntry(valueType, value, path: fieldPath, depth: depth)
                maps[number, default: [:]][key] = entry
            case .inline:
                // Members of an embedded struct sit beside the parent's own, so errors name the parent.
                values[number] = merged(values[number], try decodeValue(field.type, value, path: path, depth: depth))
            default:
                values[number] = merged(
                    values[number], try decodeValue(field.type, value, path: fieldPath, depth: depth))
            }
        }
        var object: [String: JSON] = [:]
        for field in schema.fields {
            if let items = lists[field.number] {
                if !items.isEmpty { object[field.jsonName] = .array(items) }
            } else if let members = maps[field.number] {
                if !members.isEmpty { object[field.jsonName] = .object(members) }
            } else if let value = values[field.number] {
                if case .inline = field.type, case .object(let members) = value {
                    object.merge(members) { _, inner in inner }
                } else if field.keepsZero || !value.isEmptyProtobufValue {
                    object[field.jsonName] = value
                }
            }
        }
        return object
    }

    /// One value of a non-repeated, non-map type; nil means absent (the zero `Time`).
    func decodeValue(
        _ type: ProtobufFieldType, _ value: ProtobufWireValue, path: String, depth: Int
    ) throws(ProtobufDecodingError) -> JSON? {
        switch type {
        case .string:
            let bytes = try lengthDelimited(value, path: path)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ProtobufDecodingError(path: path, "string is not valid UTF-8")
            }
            return .string(text)
        case .bytes:
            return .string(Data(try lengthDelimited(value, path: path)).base64EncodedString())
        case .int32:
            return .int(Int64(Int32(truncatingIfNeeded: try varint(value, path: path))))
        case .int64:
            return .int(Int64(bitPattern: try varint(value, path: path)))
        case .bool:
            return .bool(try varint(value, path: path) != 0)
        case .message(let name), .inline(let name):
            return .object(try decodeObject(name, try lengthDelimited(value, path: path), path: path, depth: depth + 1))
        case .time:
            let bytes = try lengthDelimited(value, path: path)
            if bytes.isEmpty { return nil }
            let fields = try decodeObject(ProtobufWellKnown.time, bytes, path: path, depth: depth + 1)
            return try ProtobufWellKnown.timeJSON(fields, path: path)
        case .quantity:
            let fields = try decodeObject(
                ProtobufWellKnown.quantity, try lengthDelimited(value, path: path), path: path, depth: depth + 1)
            return ProtobufWellKnown.quantityJSON(fields)
        case .intOrString:
            let fields = try decodeObject(
                ProtobufWellKnown.intOrString, try lengthDelimited(value, path: path), path: path, depth: depth + 1)
            return ProtobufWellKnown.intOrStringJSON(fields)
        case .repeated, .map:
            throw ProtobufDecodingError(path: path, "schema error: a list or map cannot nest directly in another")
        }
    }

    /// Appends one element, or every element of a packed run of varints.
    private func appendElements(
        _ element: ProtobufFieldType, _ value: ProtobufWireValue, to items: inout [JSON], path: String, depth: Int
    ) throws(ProtobufDecodingError) {
        guard element.isPackable, case .lengthDelimited(let packed) = value else {
            items.append(try decodeValue(element, value, path: "\(path)[\(items.count)]", depth: depth) ?? .null)
            return
        }
        var reader = ProtobufWireReader(packed)
        while !reader.isAtEnd {
            let number = try wire(path, { () throws(ProtobufWireError) in try reader.readVarint() })
            items.append(
                try decodeValue(element, .varint(number), path: "\(path)[\(items.count)]", depth: depth) ?? .null)
        }
    }

    /// A map entry `{1 key, 2 value}`; a missing value is the type's zero value (Go keeps `a: ""`).
    private func decodeMapEntry(
        _ valueType: ProtobufFieldType, _ value: ProtobufWireValue, path: String, depth: Int
    ) throws(ProtobufDecodingError) -> (String, JSON) {
        var reader = ProtobufWireReader(try lengthDelimited(value, path: path))
        var key = ""
        var entry: JSON?
        while let (number, field) = try wire(path, { () throws(ProtobufWireError) in try reader.nextField() }) {
            switch number {
            case 1:
                key = try decodeValue(.string, field, path: "\(path) key", depth: depth)?.stringValue ?? ""
            case 2:
                entry = try decodeValue(valueType, field, path: "\(path)[\(key)]", depth: depth)
            default:
                continue
            }
        }
        return (key, entry ?? valueType.zeroJSON)
    }

    private func merged(_ old: JSON?, _ new: JSON?) -> JSON? {
        // A message field sent twice merges, as protobuf specifies; for a scalar the last value wins.
        if case .object(let earlier)? = old, case .object(let later)? = new {
            return .object(earlier.merging(later) { _, last in last })
        }
        return new
    }

    func lengthDelimited(_ value: ProtobufWireValue, path: String) throws(ProtobufDecodingError) -> ArraySlice<UInt8> {
        guard case .lengthDelimited(let bytes) = value else {
            throw ProtobufDecodingError(path: path, "expected a length-delimited value, found \(value.wireTypeName)")
        }
        return bytes
    }

    private func varint(_ value: ProtobufWireValue, path: String) throws(ProtobufDecodingError) -> UInt64 {
        guard case .varint(let number) = value else {
            throw ProtobufDecodingError(path: path, "expected a varint, found \(value.wireTypeName)")
        }
        return number
    }

    func wire<T>(
        _ path: String, _ read: () throws(ProtobufWireError) -> T
    ) throws(ProtobufDecodingError) -> T {
        do {
            return try read()
        } catch {
            throw ProtobufDecodingError(path: path, "\(error.message) at byte \(error.offset)")
        }
    }
}

extension ProtobufFieldType {
    /// The value Go holds when a map entry carries no value.
    var zeroJSON: JSON {
        switch self {
        case .string, .bytes, .quantity: .string("")
        case .int32, .int64, .intOrString: .int(0)
        case .bool: .bool(false)
        case .message, .inline, .map: .object([:])
        case .repeated: .array([])
        case .time: .null
        }
    }
}

extension JSON {
    /// Zero scalars, empty strings, lists and objects: what the decoder leaves out of non-pointer fields.
    var isEmptyProtobufValue: Bool {
        switch self {
        case .null: true
        case .bool(let value): !value
        case .int(let value): value == 0
        case .double(let value): value == 0
        case .string(let value): value.isEmpty
        case .array(let items): items.isEmpty
        case .object(let members): members.isEmpty
        }
    }
}
