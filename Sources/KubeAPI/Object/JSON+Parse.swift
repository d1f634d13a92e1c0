extension JSON {
    /// Parses a JSON document (RFC 8259) from UTF-8 bytes in one pass.
    ///
    /// Classifies numbers as `JSONDecoder` did for this type: an integer that fits `Int64` is
    /// `.int`, and so is a whole number written with a fraction or exponent (`1.0`, `1e3`);
    /// anything else is `.double`. Of duplicate object keys the first one wins, as with
    /// `JSONDecoder`. A leading UTF-8 byte order mark is skipped (RFC 8259 allows it).
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> JSON {
        let parsed = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONSyntaxError) in try JSONParser.parseDocument(buffer) }
        }
        if let parsed { return try parsed.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try JSONParser.parseDocument(buffer)
        }
    }
}

/// A recursive-descent parser over a contiguous UTF-8 buffer. Strings are built from byte
/// slices; members and elements collect on shared stacks so that each object and array is
/// allocated once, at its final size.
struct JSONParser {
    /// Deepest nesting of arrays and objects accepted; hostile input cannot exhaust the stack.
    /// 512, like `JSONDecoder`.
    static let maxDepth = 512

    /// The input. A pointer rather than a buffer: its subscript is inlined even in debug builds.
    let bytes: UnsafePointer<UInt8>
    let count: Int
    /// Index of the next byte to read.
    var offset = 0
    private var depth = 0
    private var pendingMembers: [(String, JSON)] = []
    private var pendingElements: [JSON] = []
    /// Reused buffer for strings that contain escapes.
    var unescaped: [UInt8] = []

    private init(bytes: UnsafePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    static func parseDocument(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSON {
        guard let bytes = buffer.baseAddress, !buffer.isEmpty else { throw JSONSyntaxError(.emptyDocument, at: 0) }
        var parser = JSONParser(bytes: bytes, count: buffer.count)
        let count = buffer.count
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.offset = 3 }
        parser.skipWhitespace()
        guard parser.offset < count else { throw JSONSyntaxError(.emptyDocument, at: parser.offset) }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.offset == count else {
            throw JSONSyntaxError(.trailingCharacters(bytes[parser.offset]), at: parser.offset)
        }
        return value
    }

    /// The bytes from `start` up to `end`.
    func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + start, count: end - start)
    }

    /// The error for the byte at `offset` (or the end of input) when `expected` should come next.
    func unexpected(_ expected: String) -> JSONSyntaxError {
        guard offset < count else { return JSONSyntaxError(.unexpectedEnd(expected: expected), at: offset) }
        return JSONSyntaxError(.unexpectedCharacter(bytes[offset], expected: expected), at: offset)
    }

    // RFC 8259 section 2: whitespace is space, tab, line feed and carriage return only.
    mutating func skipWhitespace() {
        while offset < count {
            let byte = bytes[offset]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            offset += 1
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSON {
        guard offset < count else { throw unexpected("a value") }
        switch bytes[offset] {
        case 0x22: return .string(try parseString())  // "
        case 0x7B: return try parseObject()  // {
        case 0x5B: return try parseArray()  // [
        case 0x74: return try parseLiteral("true", .bool(true))
        case 0x66: return try parseLiteral("false", .bool(false))
        case 0x6E: return try parseLiteral("null", .null)
        case 0x2D, 0x30...0x39: return try parseNumber()  // - and digits
        default: throw unexpected("a value")
        }
    }

    private mutating func parseLiteral(_ word: StaticString, _ value: JSON) throws(JSONSyntaxError) -> JSON {
        for index in 0..<word.utf8CodeUnitCount {
            guard offset < count, bytes[offset] == word.utf8Start[index] else { throw unexpected("'\(word)'") }
            offset += 1
        }
        return value
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= Self.maxDepth else { throw JSONSyntaxError(.tooDeeplyNested(limit: Self.maxDepth), at: offset) }
        offset += 1  // the opening bracket or brace
        skipWhitespace()
    }

    /// After a value in a container: skips `,` and whitespace and returns false, or skips the
    /// closing byte and returns true. Rejects a trailing comma before the closing byte.
    private mutating func endOfContainer(closing: UInt8, expected: String) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard offset < count else { throw unexpected(expected) }
        let byte = bytes[offset]
        if byte == closing {
            offset += 1
            depth -= 1
            return true
        }
        guard byte == 0x2C else { throw unexpected(expected) }  // ,
        let comma = offset
        offset += 1
        skipWhitespace()
        if offset < count, bytes[offset] == closing { throw JSONSyntaxError(.trailingComma(closing: closing), at: comma) }
        return false
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSON {
        try enterContainer()
        if offset < count, bytes[offset] == 0x7D {  // }
            offset += 1
            depth -= 1
            return .object([:])
        }
        let base = pendingMembers.count
        repeat {
            guard offset < count, bytes[offset] == 0x22 else { throw unexpected("an object key in double quotes") }
            let key = try parseString()
            skipWhitespace()
            guard offset < count, bytes[offset] == 0x3A else { throw unexpected("':' after an object key") }
            offset += 1
            skipWhitespace()
            pendingMembers.append((key, try parseValue()))
        } while try !endOfContainer(closing: 0x7D, expected: "',' or '}' after an object member")
        // The first of duplicate keys wins, as it did with JSONDecoder.
        let members = Dictionary(pendingMembers[base...], uniquingKeysWith: { first, _ in first })
        pendingMembers.removeSubrange(base...)
        return .object(members)
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSON {
        try enterContainer()
        if offset < count, bytes[offset] == 0x5D {  // ]
            offset += 1
            depth -= 1
            return .array([])
        }
        let base = pendingElements.count
        repeat {
            pendingElements.append(try parseValue())
        } while try !endOfContainer(closing: 0x5D, expected: "',' or ']' after an array element")
        let elements = Array(pendingElements[base...])
        pendingElements.removeSubrange(base...)
        return .array(elements)
    }
}
