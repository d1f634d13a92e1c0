/// Request bodies sent as `application/vnd.kubernetes.protobuf` (kubectl 1.32+ typed clients):
/// the "k8s\0" magic, then a `runtime.Unknown` envelope whose `raw` field is the object message.
public enum ProtobufBody {
    static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]

    /// True when the bytes start with the "k8s\0" magic.
    public static func hasMagic(_ bytes: [UInt8]) -> Bool {
        bytes.count >= magic.count && bytes.prefix(magic.count).elementsEqual(magic)
    }

    /// Decodes an envelope into the JSON object it carries, with "apiVersion" and "kind" set from typeMeta.
    public static func decode(_ bytes: [UInt8]) throws(ProtobufDecodingError) -> JSON {
        guard hasMagic(bytes) else {
            throw ProtobufDecodingError(description: "protobuf body does not start with the \"k8s\\0\" magic bytes")
        }
        let decoder = ProtobufObjectDecoder(schemas: ProtobufSchemas.messages)
        let (typeMeta, raw, contentEncoding) = try decoder.decodeEnvelope(bytes[magic.count...])
        let apiVersion = typeMeta["apiVersion"]?.stringValue ?? ""
        let kind = typeMeta["kind"]?.stringValue ?? ""
        guard !kind.isEmpty, !apiVersion.isEmpty else {
            throw ProtobufDecodingError(description: "protobuf body names no apiVersion and kind in its typeMeta")
        }
        guard contentEncoding.isEmpty else {
            throw ProtobufDecodingError(
                description:
                    "protobuf body has content encoding \"\(contentEncoding)\"; only unencoded bodies are supported")
        }
        guard let messageName = ProtobufSchemas.kinds[ProtobufSchemas.kindKey(apiVersion: apiVersion, kind: kind)]
        else {
            throw ProtobufDecodingError(
                description: "protobuf bodies of kind \(kind) (apiVersion \(apiVersion)) are not supported; send JSON")
        }
        var object = try decoder.decodeObject(messageName, raw, path: "")
        object["apiVersion"] = .string(apiVersion)
        object["kind"] = .string(kind)
        return .object(object)
    }
}

/// Why a protobuf request body could not be read; the description names the field and the fault.
public struct ProtobufDecodingError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(description: String) {
        self.description = description
    }

    init(path: String, _ message: String) {
        self.description =
            path.isEmpty ? "invalid protobuf body: \(message)" : "invalid protobuf body at \(path): \(message)"
    }
}

extension ProtobufObjectDecoder {
    /// Reads `runtime.Unknown` {1 typeMeta {1 apiVersion, 2 kind}, 2 raw, 3 contentEncoding, 4 contentType}.
    func decodeEnvelope(
        _ bytes: ArraySlice<UInt8>
    ) throws(ProtobufDecodingError) -> (typeMeta: [String: JSON], raw: ArraySlice<UInt8>, contentEncoding: String) {
        var typeMeta: [String: JSON] = [:]
        var raw: ArraySlice<UInt8> = []
        var contentEncoding = ""
        var reader = ProtobufWireReader(bytes)
        while let (number, value) = try wire("envelope", { () throws(ProtobufWireError) in try reader.nextField() }) {
            switch number {
            case 1:
                typeMeta = try decodeObject(
                    ProtobufSchemas.typeMeta, lengthDelimited(value, path: "typeMeta"), path: "typeMeta")
            case 2: raw = try lengthDelimited(value, path: "raw")
            case 3:
                contentEncoding = try decodeValue(.string, value, path: "contentEncoding", depth: 0)?.stringValue ?? ""
            default: continue  // 4 contentType: kubectl sends it empty
            }
        }
        return (typeMeta, raw, contentEncoding)
    }
}
