import Testing

@testable import KubeAPI

extension ProtobufDecodingTests {
    @Test("unknown field numbers of every wire type are skipped")
    func unknownFields() throws {
        let body = envelope("v1", "ConfigMap") { cm in
            kubectlMetadata(&cm, name: "cfg")
            cm.int(99, 7)
            cm.tag(98, 1)
            cm.bytes += [1, 2, 3, 4, 5, 6, 7, 8]
            cm.tag(97, 5)
            cm.bytes += [1, 2, 3, 4]
            cm.message(96) { $0.string(1, "ignored") }
            cm.bool(4, true)  // immutable
        }
        #expect(
            try ProtobufBody.decode(body) == [
                "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "cfg"], "immutable": true,
            ])
    }

    @Test("a negative int32 sent as a 10-byte varint reads back negative")
    func negativeNumbers() throws {
        let body = envelope("apps/v1", "ReplicaSet") { replicaSet in
            replicaSet.message(2) { $0.int(1, -1) }
        }
        #expect(try ProtobufBody.decode(body)[path: ["spec", "replicas"]] == .int(-1))
    }

    @Test("bytes without the k8s magic are refused")
    func wrongMagic() {
        let json = Array(#"{"kind":"ConfigMap","apiVersion":"v1"}"#.utf8)
        #expect(!ProtobufBody.hasMagic(json))
        #expect(!ProtobufBody.hasMagic([0x6B, 0x38, 0x73]))
        #expect(!ProtobufBody.hasMagic([]))
        let error = #expect(throws: ProtobufDecodingError.self) { try ProtobufBody.decode(json) }
        #expect(error?.description.contains("magic") == true)
    }

    @Test("an unknown kind is refused with a message that names it")
    func unknownKind() {
        let body = envelope("v1", "Node") { kubectlMetadata(&$0, name: "n1") }
        let error = #expect(throws: ProtobufDecodingError.self) { try ProtobufBody.decode(body) }
        #expect(error?.description == "protobuf bodies of kind Node (apiVersion v1) are not supported; send JSON")
        let unnamed = envelope("", "", raw: [])
        #expect(throws: ProtobufDecodingError.self) { try ProtobufBody.decode(unnamed) }
    }

    @Test("malformed protobuf is a ProtobufDecodingError naming the field")
    func malformed() {
        let cases: [(String, [UInt8])] = [
            ("varint longer than 64 bits", [0x08] + Array(repeating: 0xFF, count: 11)),
            ("invalid field number 0", [0x00, 0x01]),
            ("unsupported wire type 3", [0x1B]),
            ("only 2 remain", [0x0A, 0x10, 0x41, 0x42]),
            ("truncated 64-bit", [0x09, 0x01, 0x02]),
        ]
        for (expected, raw) in cases {
            let error = #expect(throws: ProtobufDecodingError.self) {
                try ProtobufBody.decode(envelope("v1", "ConfigMap", raw: raw))
            }
            #expect(error?.description.contains(expected) == true, "\(error?.description ?? "no error")")
        }
        let wrongWireType = envelope("v1", "ConfigMap") { cm in cm.message(1) { $0.int(1, 5) } }
        let error = #expect(throws: ProtobufDecodingError.self) { try ProtobufBody.decode(wrongWireType) }
        #expect(
            error?.description
                == "invalid protobuf body at metadata.name: expected a length-delimited value, found varint")
    }

    @Test("every truncation of a Deployment body fails cleanly or decodes a prefix")
    func truncated() {
        let body = Self.deploymentBody
        for length in 0..<body.count {
            let prefix = Array(body.prefix(length))
            do {
                let object = try ProtobufBody.decode(prefix)
                #expect(object["kind"] == "Deployment")
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
        // Cut inside the object, with an envelope whose lengths agree: only the cuts between the
        // top-level fields (before metadata, before spec, before status) leave a well-formed message.
        let raw = Self.deploymentRaw
        let decodable = (0..<raw.count).filter { length in
            (try? ProtobufBody.decode(envelope("apps/v1", "Deployment", raw: Array(raw.prefix(length))))) != nil
        }
        #expect(decodable.count == 3)
    }

    @Test("random bytes never crash or hang the decoder")
    func garbage() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        for round in 0..<3_000 {
            let bytes = (0..<(round % 96)).map { _ in next() }
            _ = try? ProtobufBody.decode([0x6B, 0x38, 0x73, 0x00] + bytes)
            _ = try? ProtobufBody.decode(envelope("apps/v1", "Deployment", raw: bytes))
            _ = try? ProtobufBody.decode(envelope("v1", "Pod", raw: [0x12, UInt8(bytes.count)] + bytes))
        }
    }

    @Test("RFC 3339 dates across the calendar")
    func timestamps() {
        #expect(Timestamp.format(secondsSinceEpoch: 0) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(secondsSinceEpoch: 951_782_400) == "2000-02-29T00:00:00Z")
        #expect(Timestamp.format(secondsSinceEpoch: -1) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.format(secondsSinceEpoch: 253_402_300_799) == "9999-12-31T23:59:59Z")
        #expect(Timestamp.format(secondsSinceEpoch: -62_135_596_800) == "0001-01-01T00:00:00Z")
    }

    @Test("the schema table names only messages it defines, with no duplicate field numbers")
    func schemaTable() {
        func referenced(_ type: ProtobufFieldType) -> String? {
            switch type {
            case .message(let name), .inline(let name): name
            case .repeated(let inner), .map(let inner): referenced(inner)
            default: nil
            }
        }
        for (name, schema) in ProtobufSchemas.messages {
            #expect(schema.fields.count == schema.fieldsByNumber.count, "\(name) repeats a field number")
            #expect(Set(schema.fields.map(\.jsonName)).count == schema.fields.count, "\(name) repeats a JSON name")
            for field in schema.fields {
                if let target = referenced(field.type) {
                    #expect(ProtobufSchemas.messages[target] != nil, "\(name).\(field.jsonName) -> \(target)")
                }
            }
        }
        for (kind, message) in ProtobufSchemas.kinds {
            #expect(ProtobufSchemas.messages[message] != nil, "\(kind) -> \(message)")
        }
    }
}

extension ProtobufDecodingTests {
    /// Request bodies recorded from kubectl v1.32.4 (`create configmap game-config --from-literal=lives=3
    /// --from-literal=empty=` and `create deployment web --image=nginx:1.27 --port=80 --replicas=0`).
    static let capturedConfigMap =
        "6b3873000a0f0a0276311209436f6e6669674d617012340a1b0a0b67616d652d636f6e66696712001a0022002a0032003800420012090a05656d7074791200120a0a056c697665731201331a002200"
    static let capturedDeployment =
        "6b3873000a150a07617070732f7631120a4465706c6f796d656e7412bd010a1f0a0377656212001a0022002a003200380042005a0a0a036170701203776562128b010800120c0a0a0a0361707012037765621a710a1c0a0012001a0022002a003200380042005a0a0a036170701203776562125112330a056e67696e78120a6e67696e783a312e32372a00320a0a001000185022002a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c0800100018002000280038001a002200"

    static func hexBytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count - 1, by: 2).compactMap {
            UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)
        }
    }

    @Test("bodies recorded from kubectl 1.32 decode to the objects it meant")
    func capturedBodies() throws {
        #expect(
            try ProtobufBody.decode(Self.hexBytes(Self.capturedConfigMap)) == [
                "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "game-config"],
                "data": ["lives": "3", "empty": ""],
            ])
        #expect(
            try ProtobufBody.decode(Self.hexBytes(Self.capturedDeployment)) == [
                "apiVersion": "apps/v1", "kind": "Deployment",
                "metadata": ["name": "web", "labels": ["app": "web"]],
                "spec": [
                    "replicas": 0, "selector": ["matchLabels": ["app": "web"]],
                    "template": [
                        "metadata": ["labels": ["app": "web"]],
                        "spec": [
                            "containers": [["name": "nginx", "image": "nginx:1.27", "ports": [["containerPort": 80]]]]
                        ],
                    ],
                ],
            ])
    }
}
