extension JSONParser {
    /// Parses the number at `offset` (RFC 8259 section 6: no `+`, no leading zeros, digits on
    /// both sides of `.`, digits in the exponent).
    ///
    /// Classification keeps what `JSONDecoder` did for `JSON`, which tried `Int64` before `Double`:
    /// an integer that fits `Int64` is `.int`; so is a number with a fraction or exponent whose
    /// `Double` value is whole and below 2^53 (`1.0`, `1e3`, `-0.0`); above 2^53, where doubles
    /// skip integers, it is `.int` when its exact decimal value is whole and below 2^63.
    /// Everything else is `.double`, and a number beyond `Double`'s range is an error.
    mutating func parseNumber() throws(JSONSyntaxError) -> JSON {
        let start = offset
        var index = offset
        let negative = bytes[index] == 0x2D  // -
        if negative { index += 1 }
        let digitsStart = index
        index = endOfDigits(from: index)
        let digitCount = index - digitsStart
        guard digitCount > 0 else { throw invalidNumber(at: index, "expected a digit after '-'") }
        if digitCount > 1, bytes[digitsStart] == 0x30 { throw invalidNumber(at: digitsStart, "leading zeros are not allowed") }
        var isInteger = true
        if index < count, bytes[index] == 0x2E {  // .
            isInteger = false
            let fractionStart = index + 1
            index = endOfDigits(from: fractionStart)
            guard index > fractionStart else { throw invalidNumber(at: index, "expected a digit after '.'") }
        }
        if index < count, bytes[index] | 0x20 == 0x65 {  // e or E
            isInteger = false
            index += 1
            if index < count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }  // + or -
            let exponentStart = index
            index = endOfDigits(from: exponentStart)
            guard index > exponentStart else { throw invalidNumber(at: index, "expected a digit in the exponent") }
        }
        offset = index
        // 19 digits always fit in UInt64; an Int64 has at most 19.
        if isInteger, digitCount <= 19 {
            var magnitude: UInt64 = 0
            for position in digitsStart..<index { magnitude = magnitude * 10 + UInt64(bytes[position] &- 0x30) }
            if !negative, magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
            if negative, magnitude <= UInt64(Int64.max) + 1 { return .int(Int64(bitPattern: 0 &- magnitude)) }
        }
        return try classify(start..<index)
    }

    private func endOfDigits(from start: Int) -> Int {
        var index = start
        while index < count, bytes[index] &- 0x30 < 10 { index += 1 }
        return index
    }

    private func invalidNumber(at index: Int, _ detail: String) -> JSONSyntaxError {
        JSONSyntaxError(.invalidNumber(detail), at: index)
    }

    /// A well-formed number that is not a plain `Int64` literal.
    private func classify(_ range: Range<Int>) throws(JSONSyntaxError) -> JSON {
        let text = String(decoding: slice(range.lowerBound, range.upperBound), as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            throw JSONSyntaxError(.numberOutOfRange(text), at: range.lowerBound)
        }
        // 2^63 itself (even as -2^63) stayed a double with JSONDecoder.
        if double.rounded(.towardZero) == double {
            if double.magnitude < 0x1p53 { return .int(Int64(double)) }
            if double.magnitude < 0x1p63, let exact = exactInteger(range) { return .int(exact) }
        }
        return .double(double)
    }

    /// The exact value of the well-formed number in `range` if it is whole and fits `Int64`.
    private func exactInteger(_ range: Range<Int>) -> Int64? {
        var index = range.lowerBound
        let negative = bytes[index] == 0x2D
        if negative { index += 1 }
        var significand: [UInt8] = []  // the digits without leading zeros, as values 0...9
        var fractionDigits = 0
        var inFraction = false
        while index < range.upperBound, bytes[index] | 0x20 != 0x65 {
            let byte = bytes[index]
            index += 1
            if byte == 0x2E {
                inFraction = true
                continue
            }
            if inFraction { fractionDigits += 1 }
            if !significand.isEmpty || byte != 0x30 { significand.append(byte - 0x30) }
        }
        var exponent = 0
        if index < range.upperBound {
            index += 1
            let exponentNegative = bytes[index] == 0x2D
            if bytes[index] == 0x2B || exponentNegative { index += 1 }
            // Saturates: an exponent this large never gives a whole number below 2^63 here.
            for position in index..<range.upperBound { exponent = min(exponent * 10 + Int(bytes[position] - 0x30), 1_000_000_000) }
            if exponentNegative { exponent = -exponent }
        }
        let wholeDigits = significand.count + exponent - fractionDigits
        guard wholeDigits > 0, wholeDigits <= 20 else { return nil }
        if wholeDigits < significand.count, significand[wholeDigits...].contains(where: { $0 != 0 }) { return nil }
        var magnitude: UInt64 = 0
        for position in 0..<wholeDigits {
            let digit = position < significand.count ? UInt64(significand[position]) : 0
            let (shifted, overflowed) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, carried) = shifted.addingReportingOverflow(digit)
            guard !overflowed, !carried else { return nil }
            magnitude = sum
        }
        if negative { return magnitude <= UInt64(Int64.max) + 1 ? Int64(bitPattern: 0 &- magnitude) : nil }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }
}
