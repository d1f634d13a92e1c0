/// Why a body could not be parsed as JSON, and at which byte. Its `description` is what a
/// client sees in a 400 response: "unexpected character 'x' at offset 12, expected ...".
public struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, with the bytes involved.
    public enum Reason: Sendable, Equatable {
        /// No value at all: empty input or only whitespace.
        case emptyDocument
        /// A byte that cannot start or continue what `expected` names.
        case unexpectedCharacter(UInt8, expected: String)
        /// The input stops where `expected` should come.
        case unexpectedEnd(expected: String)
        /// More than whitespace after the top-level value.
        case trailingCharacters(UInt8)
        /// A `,` directly before the closing `]` or `}`.
        case trailingComma(closing: UInt8)
        /// No closing quote; the offset is the opening quote's.
        case unterminatedString
        /// A backslash followed by something other than `" \ / b f n r t u`.
        case invalidEscape(UInt8)
        /// `\u` not followed by four hex digits.
        case invalidUnicodeEscape
        /// A `\u` UTF-16 surrogate without its other half.
        case unpairedSurrogate(UInt16)
        /// A byte below 0x20 inside a string (RFC 8259 requires it escaped).
        case unescapedControlCharacter(UInt8)
        /// A byte that is not part of well-formed UTF-8.
        case invalidUTF8(UInt8)
        /// A malformed number; the detail says what is missing or wrong.
        case invalidNumber(String)
        /// A well-formed number beyond `Double`'s range (like `1e400`).
        case numberOutOfRange(String)
        /// Arrays and objects nested deeper than the limit.
        case tooDeeplyNested(limit: Int)
    }

    public let reason: Reason
    /// Byte offset of the problem in the input (after a byte order mark, if any, is counted).
    public let offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        let at = "at offset \(offset)"
        switch reason {
        case .emptyDocument: return "empty document: expected a JSON value"
        case .unexpectedCharacter(let byte, let expected): return "unexpected \(Self.name(byte)) \(at), expected \(expected)"
        case .unexpectedEnd(let expected): return "unexpected end of input \(at), expected \(expected)"
        case .trailingCharacters(let byte): return "unexpected \(Self.name(byte)) \(at) after the end of the document"
        case .trailingComma(let closing): return "trailing comma \(at) before '\(Character(Unicode.Scalar(closing)))'"
        case .unterminatedString: return "unterminated string starting \(at)"
        case .invalidEscape(let byte): return "invalid escape '\\\(Self.printable(byte))' \(at)"
        case .invalidUnicodeEscape: return "invalid \\u escape \(at): expected four hex digits"
        case .unpairedSurrogate(let unit): return "unpaired UTF-16 surrogate \\u\(Self.hex(unit, digits: 4)) \(at)"
        case .unescapedControlCharacter(let byte): return "unescaped control character 0x\(Self.hex(byte)) in a string \(at)"
        case .invalidUTF8(let byte): return "invalid UTF-8 byte 0x\(Self.hex(byte)) \(at)"
        case .invalidNumber(let detail): return "invalid number \(at): \(detail)"
        case .numberOutOfRange(let text): return "number \(Self.shortened(text)) \(at) is out of range"
        case .tooDeeplyNested(let limit): return "arrays and objects nested deeper than \(limit) levels \(at)"
        }
    }

    /// `character 'x'` for printable ASCII, `byte 0xFF` for anything else.
    private static func name(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "character '\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(hex(byte))"
    }

    private static func printable(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(Character(Unicode.Scalar(byte))) : "<0x\(hex(byte))>"
    }

    private static func hex(_ value: some BinaryInteger, digits: Int = 2) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private static func shortened(_ text: String) -> String {
        text.count <= 40 ? text : text.prefix(40) + "..."
    }
}
