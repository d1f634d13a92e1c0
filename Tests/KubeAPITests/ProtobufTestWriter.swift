import Testing

@testable import KubeAPI

/// A minimal protobuf writer for building request bodies. Field numbers are typed in the tests
/// (from k8s.io/api generated.proto), independently of the decoder's schema table.
struct ProtoWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
    mutating func tag(_ field: Int, _ wireType: UInt64) { varint(UInt64(field) << 3 | wireType) }
    mutating func int(_ field: Int, _ value: Int64) {
        tag(field, 0)
        varint(UInt64(bitPattern: value))
    }
    mutating func bool(_ field: Int, _ value: Bool) { int(field, value ? 1 : 0) }
    mutating func data(_ field: Int, _ value: [UInt8]) {
        tag(field, 2)
        varint(UInt64(value.count))
        bytes += value
    }
    mutating func string(_ field: Int, _ value: String) { data(field, Array(value.utf8)) }
    mutating func message(_ field: Int, _ build: (inout ProtoWriter) -> Void) {
        var inner = ProtoWriter()
        build(&inner)
        data(field, inner.bytes)
    }
    /// A `map<string, string>` entry `{1 key, 2 value}`.
    mutating func entry(_ field: Int, _ key: String, _ value: String) {
        message(field) {
            $0.string(1, key)
            $0.string(2, value)
        }
    }
    /// A `map<string, Quantity>` entry: the value is a message `{1 string}`.
    mutating func quantity(_ field: Int, _ key: String, _ value: String) {
        message(field) {
            $0.string(1, key)
            $0.message(2) { $0.string(1, value) }
        }
    }
}

/// "k8s\0" + runtime.Unknown {1 typeMeta {1 apiVersion, 2 kind}, 2 raw, 3 "", 4 ""}, as kubectl sends it.
func envelope(_ apiVersion: String, _ kind: String, _ build: (inout ProtoWriter) -> Void) -> [UInt8] {
    var object = ProtoWriter()
    build(&object)
    return envelope(apiVersion, kind, raw: object.bytes)
}

func envelope(_ apiVersion: String, _ kind: String, raw: [UInt8]) -> [UInt8] {
    var unknown = ProtoWriter()
    unknown.message(1) {
        $0.string(1, apiVersion)
        $0.string(2, kind)
    }
    unknown.data(2, raw)
    unknown.string(3, "")
    unknown.string(4, "")
    return [0x6B, 0x38, 0x73, 0x00] + unknown.bytes
}

/// ObjectMeta (field 1 of every object) as Go's encoder writes it: every non-pointer scalar even
/// when empty, and the zero creationTimestamp as an empty message.
func kubectlMetadata(_ object: inout ProtoWriter, name: String, labels: [(String, String)] = []) {
    object.message(1) { meta in
        meta.string(1, name)
        meta.string(2, "")  // generateName
        meta.string(3, "")  // namespace
        meta.string(4, "")  // selfLink
        meta.string(5, "")  // uid
        meta.string(6, "")  // resourceVersion
        meta.int(7, 0)  // generation
        meta.message(8) { _ in }  // creationTimestamp
        for (key, value) in labels { meta.entry(11, key, value) }
    }
}
