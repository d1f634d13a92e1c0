import KubeAPI
import Testing

@Suite struct JSONTests {
    private func parse(_ text: String) throws(JSONSyntaxError) -> JSON { try JSON.parse(Array(text.utf8)) }

    /// The message a client sees for a document that does not parse (nil if it parses).
    private func message(_ bytes: [UInt8]) -> String? {
        do {
            _ = try JSON.parse(bytes)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func parsesAndKeepsIntegersExact() throws {
        let doc = try parse(#"{"replicas":3,"ratio":0.5,"on":true,"name":"a\"b","none":null,"list":[1,"x"]}"#)
        #expect(doc["replicas"] == .int(3))
        #expect(doc["ratio"] == .double(0.5))
        #expect(doc["on"] == .bool(true))
        #expect(doc["none"] == .null)
        #expect(doc.text == #"{"list":[1,"x"],"name":"a\"b","none":null,"on":true,"ratio":0.5,"replicas":3}"#)
    }

    @Test func rejectsMalformedDocuments() {
        #expect(throws: JSONSyntaxError.self) { try JSON.parse(Array("{\"a\":".utf8)) }
    }

    @Test func pathSubscriptCreatesIntermediateObjects() {
        var doc: JSON = [:]
        doc[path: ["metadata", "labels", "app"]] = "web"
        #expect(doc.text == #"{"metadata":{"labels":{"app":"web"}}}"#)
        doc[path: ["metadata", "labels", "app"]] = nil
        #expect(doc.text == #"{"metadata":{"labels":{}}}"#)
    }

    @Test("every escape decodes to its character, and serializes back in the compact form")
    func everyEscape() throws {
        let doc = try parse(#"["\"", "\\", "\/", "\b", "\f", "\n", "\r", "\t", "\u00e9", "\u0041", "\u0000", "\u001B", "a\u4e2Db"]"#)
        #expect(doc == ["\"", "\\", "/", "\u{08}", "\u{0C}", "\n", "\r", "\t", "é", "A", "\u{00}", "\u{1B}", "a中b"])
        #expect(doc.text == #"["\"","\\","/","\u0008","\u000c","\n","\r","\t","é","A","\u0000","\u001b","a中b"]"#)
    }

    @Test("surrogate pairs decode to one scalar; raw UTF-8 passes through unchanged")
    func surrogatePairs() throws {
        #expect(try parse(#""\ud83d\ude00 \uD83D\uDE80""#) == "😀 🚀")
        #expect(try parse("\"café ☕ 日本 😀\"") == "café ☕ 日本 😀")
        #expect(try parse(#"{"\ud83d\ude00":"x\u00e9y"}"#) == ["😀": "xéy"])
    }

    @Test(
        "numbers are classified as JSONDecoder classified them",
        arguments: [
            ("0", JSON.int(0)), ("-0", .int(0)), ("42", .int(42)), ("-17", .int(-17)),
            ("9223372036854775807", .int(.max)), ("-9223372036854775808", .int(.min)),
            // A whole value written with a fraction or exponent is an integer too.
            ("1.0", .int(1)), ("-0.0", .int(0)), ("1e3", .int(1000)), ("1E+2", .int(100)), ("2.5e1", .int(25)),
            ("100e-2", .int(1)), ("9007199254740993.0", .int(9_007_199_254_740_993)), ("1e-400", .int(0)),
            ("0.5", .double(0.5)), ("-1.5", .double(-1.5)), ("1e-2", .double(0.01)), ("1.5e300", .double(1.5e300)),
            ("0.30000000000000004", .double(0.30000000000000004)), ("1e19", .double(1e19)),
            // Past Int64: a double, as before (2^63 too, even when written -2^63 with a fraction).
            ("9223372036854775808", .double(9_223_372_036_854_775_808)), ("-9223372036854775809", .double(-9_223_372_036_854_775_808)),
            ("9223372036854775807.0", .double(9_223_372_036_854_775_808)), ("-9223372036854775808.0", .double(-9_223_372_036_854_775_808)),
            ("123456789012345678901234567890", .double(1.2345678901234568e29)),
            // Deliberately not as JSONDecoder, which truncated this to the int 9007199254740993.
            ("9007199254740993.5", .double(9_007_199_254_740_994)),
        ])
    func numberClassification(text: String, expected: JSON) throws {
        #expect(try parse(text) == expected)
        #expect(try parse("[\(text)]") == [expected])
    }

    @Test(
        "malformed documents get an error that says what and where",
        arguments: [
            ("", "empty document: expected a JSON value"),
            (" \n\t ", "empty document: expected a JSON value"),
            (#"{"a":"#, "unexpected end of input at offset 5, expected a value"),
            (#"{"a":1"#, "unexpected end of input at offset 6, expected ',' or '}' after an object member"),
            (#"{"a" 1}"#, "unexpected character '1' at offset 5, expected ':' after an object key"),
            ("{a:1}", "unexpected character 'a' at offset 1, expected an object key in double quotes"),
            ("[1 2]", "unexpected character '2' at offset 3, expected ',' or ']' after an array element"),
            ("[1,]", "trailing comma at offset 2 before ']'"),
            (#"{"a":1,}"#, "trailing comma at offset 6 before '}'"),
            ("[1,,2]", "unexpected character ',' at offset 3, expected a value"),
            ("{} x", "unexpected character 'x' at offset 3 after the end of the document"),
            ("tru", "unexpected end of input at offset 3, expected 'true'"),
            ("nul1", "unexpected character '1' at offset 3, expected 'null'"),
            ("NaN", "unexpected character 'N' at offset 0, expected a value"),
            ("[Infinity]", "unexpected character 'I' at offset 1, expected a value"),
            ("'a'", "unexpected character ''' at offset 0, expected a value"),
            (#"  "abc"#, "unterminated string starting at offset 2"),
            (#"["a\"#, "unterminated string starting at offset 1"),
            (#""\u00"#, "unterminated string starting at offset 0"),
            (#"["\x"]"#, "invalid escape '\\x' at offset 2"),
            (#""\u12G4""#, "invalid \\u escape at offset 1: expected four hex digits"),
            (#""\ud800""#, "unpaired UTF-16 surrogate \\uD800 at offset 1"),
            (#""\udc00\ud800""#, "unpaired UTF-16 surrogate \\uDC00 at offset 1"),
            (#""\ud83d\u0041""#, "unpaired UTF-16 surrogate \\uD83D at offset 1"),
            ("\"a\tb\"", "unescaped control character 0x09 in a string at offset 2"),
            ("\"a\nb\"", "unescaped control character 0x0A in a string at offset 2"),
            ("01", "invalid number at offset 0: leading zeros are not allowed"),
            ("-01", "invalid number at offset 1: leading zeros are not allowed"),
            ("+1", "unexpected character '+' at offset 0, expected a value"),
            (".5", "unexpected character '.' at offset 0, expected a value"),
            ("1.", "invalid number at offset 2: expected a digit after '.'"),
            ("[1.e5]", "invalid number at offset 3: expected a digit after '.'"),
            ("1e+", "invalid number at offset 3: expected a digit in the exponent"),
            ("-", "invalid number at offset 1: expected a digit after '-'"),
            ("0x10", "unexpected character 'x' at offset 1 after the end of the document"),
            ("1e400", "number 1e400 at offset 0 is out of range"),
            ("[-1.8e308]", "number -1.8e308 at offset 1 is out of range"),
            ("\u{0C}1", "unexpected byte 0x0C at offset 0, expected a value"),
        ])
    func malformedDocuments(text: String, expected: String) {
        #expect(message(Array(text.utf8)) == expected)
    }

    @Test(
        "invalid UTF-8 is rejected at the offending byte",
        arguments: [
            ([0x22, 0xFF, 0x22], "invalid UTF-8 byte 0xFF at offset 1"),
            ([0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8 byte 0xC0 at offset 1"),  // overlong '/'
            ([0x22, 0xE0, 0x80, 0xAF, 0x22], "invalid UTF-8 byte 0x80 at offset 2"),  // overlong
            ([0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8 byte 0xA0 at offset 2"),  // encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8 byte 0x90 at offset 2"),  // above U+10FFFF
            ([0x22, 0xC3, 0x22], "invalid UTF-8 byte 0x22 at offset 2"),  // truncated sequence
            ([0x22, 0x61, 0x5C, 0x6E, 0xE2, 0x82, 0x22], "invalid UTF-8 byte 0x22 at offset 6"),  // after an escape
            ([0x22, 0xE2, 0x82], "invalid UTF-8 byte 0xE2 at offset 1"),  // cut off by the end
            ([0x5B, 0xC3, 0xA9, 0x5D], "unexpected byte 0xC3 at offset 1, expected a value"),
        ] as [([UInt8], String)])
    func invalidUTF8(bytes: [UInt8], expected: String) {
        #expect(message(bytes) == expected)
    }

    @Test("a UTF-8 byte order mark is skipped; RFC whitespace is allowed around every token")
    func byteOrderMarkAndWhitespace() throws {
        #expect(try JSON.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
        #expect(try parse(" \t\r\n{ \"a\" : [ 1 , true , null ] , \"b\" : { } }\n") == ["a": [1, true, nil], "b": [:]])
    }

    @Test("of duplicate keys the first wins, as with JSONDecoder")
    func duplicateKeys() throws {
        #expect(try parse(#"{"a":1,"b":2,"a":3}"#) == ["a": 1, "b": 2])
    }

    @Test("nesting is limited to 512 levels, so hostile input cannot exhaust the stack")
    func nestingLimit() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try parse(deepest) }
        let objects = String(repeating: #"{"a":"#, count: 512) + "1" + String(repeating: "}", count: 512)
        #expect(throws: Never.self) { try parse(objects) }
        #expect(message(Array((String(repeating: "[", count: 513) + String(repeating: "]", count: 513)).utf8))
            == "arrays and objects nested deeper than 512 levels at offset 512")
        #expect(message(Array(repeating: UInt8(ascii: "["), count: 100_000))
            == "arrays and objects nested deeper than 512 levels at offset 512")
        #expect(message(Array(repeating: UInt8(ascii: "{"), count: 100_000))
            == "unexpected character '{' at offset 1, expected an object key in double quotes")
    }

    @Test("bytes from a collection without contiguous storage parse the same")
    func nonContiguousInput() throws {
        let text = #"{"a":[1,2.5,"x\n"]}"#
        #expect(try JSON.parse(text.utf8.lazy.map { $0 }) == ["a": [1, 2.5, "x\n"]])
    }

    @Test("serialization is compact with sorted keys and escapes only what JSON requires")
    func serialization() {
        let doc: JSON = [
            "z": [.int(.min), .int(.max), -0.0, 3.0, 0.5, 1e20, .double(.nan)],
            "a": ["\u{01}\u{1F}\u{7F}/é😀\"\\", "", nil, false],
            "M": [:], "b": [],
        ]
        #expect(doc.text == #"{"M":{},"a":["\u0001\u001f"# + "\u{7F}" + #"/é😀\"\\","",null,false],"b":[],"#
            + #""z":[-9223372036854775808,9223372036854775807,0,3,0.5,1e+20,null]}"#)
    }
}
