/// One field value as the protobuf wire format carries it, before a schema gives it meaning.
enum ProtobufWireValue {
    case varint(UInt64)
    case fixed64(UInt64)
    case lengthDelimited(ArraySlice<UInt8>)
    case fixed32(UInt32)

    /// The wire type's name, for error messages.
    var wireTypeName: String {
        switch self {
        case .varint: "varint"
        case .fixed64: "64-bit"
        case .lengthDelimited: "length-delimited"
        case .fixed32: "32-bit"
        }
    }
}

/// Why bytes are not well-formed protobuf; `offset` is the byte's index in the whole body.
struct ProtobufWireError: Error {
    let offset: Int
    let message: String
}

/// Reads `(field number, value)` pairs from protobuf bytes. Every read is bounds-checked, so
/// truncated or garbage input ends in a `ProtobufWireError`, never a crash or an endless loop.
struct ProtobufWireReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    var isAtEnd: Bool { position >= bytes.endIndex }

    /// The next field, or nil at the end of the bytes.
    mutating func nextField() throws(ProtobufWireError) -> (number: Int, value: ProtobufWireValue)? {
        if isAtEnd { return nil }
        let tagOffset = position
        let tag = try readVarint()
        let number = tag >> 3
        guard number >= 1, number <= 0x1FFF_FFFF else {
            throw error(at: tagOffset, "invalid field number \(number)")
        }
        switch tag & 7 {
        case 0:
            return (Int(number), .varint(try readVarint()))
        case 1:
            return (Int(number), .fixed64(try readFixed(byteCount: 8)))
        case 2:
            let lengthOffset = position
            let length = try readVarint()
            guard length <= UInt64(bytes.endIndex - position) else {
                throw error(
                    at: lengthOffset,
                    "field \(number) declares \(length) bytes, only \(bytes.endIndex - position) remain")
            }
            let start = position
            position += Int(length)
            return (Int(number), .lengthDelimited(bytes[start..<position]))
        case 5:
            return (Int(number), .fixed32(UInt32(truncatingIfNeeded: try readFixed(byteCount: 4))))
        case let wireType:
            // 3 and 4 are the deprecated groups, which no Kubernetes message uses; 6 and 7 do not exist.
            throw error(at: tagOffset, "unsupported wire type \(wireType) for field \(number)")
        }
    }

    /// Reads one base-128 varint (at most 10 bytes).
    mutating func readVarint() throws(ProtobufWireError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.endIndex else { throw error(at: start, "truncated varint") }
            let byte = bytes[position]
            position += 1
            guard shift < 64, shift < 63 || byte <= 1 else { throw error(at: start, "varint longer than 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    private mutating func readFixed(byteCount: Int) throws(ProtobufWireError) -> UInt64 {
        guard bytes.endIndex - position >= byteCount else {
            throw error(at: position, "truncated \(byteCount * 8)-bit value")
        }
        var result: UInt64 = 0
        for index in 0..<byteCount {
            result |= UInt64(bytes[position + index]) << (8 * UInt64(index))
        }
        position += byteCount
        return result
    }

    private func error(at index: Int, _ message: String) -> ProtobufWireError {
        ProtobufWireError(offset: index, message: message)
    }
}
