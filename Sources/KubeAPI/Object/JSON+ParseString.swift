extension JSONParser {
    /// Parses the string whose opening quote is at `offset`. A string without escapes becomes
    /// a `String` straight from its bytes; one with escapes is unescaped into a reused buffer.
    /// RFC 8259 sections 7 and 8.1: control characters must be escaped and the text must be UTF-8.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = offset
        var index = offset + 1
        while index < count {
            let byte = bytes[index]
            if byte == 0x22 {  // "
                offset = index + 1
                return String(decoding: slice(start + 1, index), as: UTF8.self)
            }
            if byte == 0x5C {  // \
                return try parseEscapedString(start: start, firstEscape: index)
            }
            if byte < 0x20 { throw JSONSyntaxError(.unescapedControlCharacter(byte), at: index) }
            if byte < 0x80 { index += 1 } else { index = try endOfUTF8Sequence(at: index) }
        }
        throw JSONSyntaxError(.unterminatedString, at: start)
    }

    private mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONSyntaxError) -> String {
        unescaped.removeAll(keepingCapacity: true)
        unescaped.append(contentsOf: slice(start + 1, firstEscape))
        var index = firstEscape
        while index < count {
            let byte = bytes[index]
            if byte == 0x22 {  // "
                offset = index + 1
                return String(decoding: unescaped, as: UTF8.self)
            }
            if byte == 0x5C {  // \
                index = try unescape(at: index, stringStart: start)
            } else if byte < 0x20 {
                throw JSONSyntaxError(.unescapedControlCharacter(byte), at: index)
            } else if byte < 0x80 {
                unescaped.append(byte)
                index += 1
            } else {
                let end = try endOfUTF8Sequence(at: index)
                unescaped.append(contentsOf: slice(index, end))
                index = end
            }
        }
        throw JSONSyntaxError(.unterminatedString, at: start)
    }

    /// Appends the character of the escape at `index` (a backslash) and returns the index after it.
    private mutating func unescape(at index: Int, stringStart: Int) throws(JSONSyntaxError) -> Int {
        guard index + 1 < count else { throw JSONSyntaxError(.unterminatedString, at: stringStart) }
        let replacement: UInt8
        switch bytes[index + 1] {
        case 0x22: replacement = 0x22  // \"
        case 0x5C: replacement = 0x5C  // \\
        case 0x2F: replacement = 0x2F  // \/
        case 0x62: replacement = 0x08  // \b
        case 0x66: replacement = 0x0C  // \f
        case 0x6E: replacement = 0x0A  // \n
        case 0x72: replacement = 0x0D  // \r
        case 0x74: replacement = 0x09  // \t
        case 0x75: return try unescapeUnicode(at: index, stringStart: stringStart)  // \u
        case let other: throw JSONSyntaxError(.invalidEscape(other), at: index)
        }
        unescaped.append(replacement)
        return index + 2
    }

    /// `\uXXXX`, or a UTF-16 surrogate pair `\uD83D\uDE00`, at `index`; appends its UTF-8.
    private mutating func unescapeUnicode(at index: Int, stringStart: Int) throws(JSONSyntaxError) -> Int {
        let unit = try hexCodeUnit(at: index, stringStart: stringStart)
        var scalar = UInt32(unit)
        var next = index + 6
        if (0xDC00...0xDFFF).contains(unit) { throw JSONSyntaxError(.unpairedSurrogate(unit), at: index) }
        if (0xD800...0xDBFF).contains(unit) {
            guard next + 1 < count, bytes[next] == 0x5C, bytes[next + 1] == 0x75 else {
                throw JSONSyntaxError(.unpairedSurrogate(unit), at: index)
            }
            let low = try hexCodeUnit(at: next, stringStart: stringStart)
            guard (0xDC00...0xDFFF).contains(low) else { throw JSONSyntaxError(.unpairedSurrogate(unit), at: index) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        }
        // Not a surrogate, so always a valid scalar.
        unescaped.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
        return next
    }

    /// The four hex digits after the `\u` at `index`.
    private func hexCodeUnit(at index: Int, stringStart: Int) throws(JSONSyntaxError) -> UInt16 {
        var unit: UInt16 = 0
        for position in (index + 2)..<(index + 6) {
            guard position < count else { throw JSONSyntaxError(.unterminatedString, at: stringStart) }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw JSONSyntaxError(.invalidUnicodeEscape, at: index)
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// Validates the multi-byte UTF-8 sequence whose lead byte is at `index` and returns the
    /// index after it. Rejects overlong forms, encoded surrogates and anything above U+10FFFF
    /// (the Unicode standard's table 3-7 of well-formed sequences).
    private func endOfUTF8Sequence(at index: Int) throws(JSONSyntaxError) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: throw JSONSyntaxError(.invalidUTF8(lead), at: index)
        }
        for position in (index + 1)..<(index + length) {
            guard position < count else { throw JSONSyntaxError(.invalidUTF8(lead), at: index) }
            let byte = bytes[position]
            let allowed = position == index + 1 ? secondRange : 0x80...0xBF
            guard allowed.contains(byte) else { throw JSONSyntaxError(.invalidUTF8(byte), at: position) }
        }
        return index + length
    }
}
