extension JSON {
    /// Compact JSON with sorted keys: the bytes the hosted API stores and serves.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out)
        return out
    }

    /// `serialized()` as text.
    public var text: String { String(decoding: serialized(), as: UTF8.self) }

    func write(into out: inout [UInt8]) {
        switch self {
        case .null: Self.writeASCII("null", into: &out)
        case .bool(let b): Self.writeASCII(b ? "true" : "false", into: &out)
        case .int(let i): Self.writeInteger(i, into: &out)
        case .double(let d):
            // Whole doubles print without a fraction, as the integers they equal.
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
                Self.writeInteger(Int64(d), into: &out)
            } else if d.isFinite {
                out.append(contentsOf: String(d).utf8)
            } else {
                Self.writeASCII("null", into: &out)
            }
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            out.append(0x5B)  // [
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x2C) }  // ,
                item.write(into: &out)
            }
            out.append(0x5D)  // ]
        case .object(let members):
            out.append(0x7B)  // {
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out.append(0x2C) }  // ,
                Self.writeString(member.key, into: &out)
                out.append(0x3A)  // :
                member.value.write(into: &out)
            }
            out.append(0x7D)  // }
        }
    }

    private static func writeASCII(_ word: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    private static func writeInteger(_ value: Int64, into out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }  // -
        var magnitude = value.magnitude
        // UInt64.max has 20 digits.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A quoted string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00xx`;
    /// runs that need no escaping are copied whole.
    static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(0x22)  // "
        var string = string
        string.withUTF8 { utf8 in
            // A pointer and a while loop: both stay cheap in debug builds.
            guard let bytes = utf8.baseAddress else { return }
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                    out.append(contentsOf: UnsafeBufferPointer(start: bytes + runStart, count: index - runStart))
                    writeEscape(byte, into: &out)
                    runStart = index + 1
                }
                index += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(start: bytes + runStart, count: utf8.count - runStart))
        }
        out.append(0x22)
    }

    private static func writeEscape(_ byte: UInt8, into out: inout [UInt8]) {
        out.append(0x5C)  // \
        switch byte {
        case 0x22, 0x5C: out.append(byte)
        case 0x0A: out.append(0x6E)  // n
        case 0x0D: out.append(0x72)  // r
        case 0x09: out.append(0x74)  // t
        default:
            let hexDigits: StaticString = "0123456789abcdef"
            out.append(contentsOf: [0x75, 0x30, 0x30, hexDigits.utf8Start[Int(byte >> 4)], hexDigits.utf8Start[Int(byte & 0xF)]])  // u00xx
        }
    }
}
