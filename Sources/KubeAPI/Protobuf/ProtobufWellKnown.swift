/// The apimachinery types that are messages on the wire but scalars in JSON: `metav1.Time`,
/// `resource.Quantity` and `intstr.IntOrString`. Their schemas sit in the table like any other.
enum ProtobufWellKnown {
    static let time = "meta.v1.Time"
    static let quantity = "resource.Quantity"
    static let intOrString = "intstr.IntOrString"

    static let schemas: [String: MessageSchema] = [
        // k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto (Timestamp layout)
        time: [.init(1, "seconds", .int64), .init(2, "nanos", .int32)],
        // k8s.io/apimachinery/pkg/api/resource/generated.proto
        quantity: [.init(1, "string", .string)],
        // k8s.io/apimachinery/pkg/util/intstr/generated.proto; type 0 = Int, 1 = String
        intOrString: [.init(1, "type", .int64), .init(2, "intVal", .int32), .init(3, "strVal", .string)],
    ]

    /// Seconds since the epoch -> `2024-01-02T03:04:05Z`. Nanos are dropped, as the API server does
    /// (JSON `Time` has second precision).
    static func timeJSON(_ fields: [String: JSON], path: String) throws(ProtobufDecodingError) -> JSON {
        let seconds = fields["seconds"]?.intValue ?? 0
        // Go's time range for metav1.Time: 0001-01-01T00:00:00Z ... 9999-12-31T23:59:59Z.
        guard seconds >= -62_135_596_800, seconds <= 253_402_300_799 else {
            throw ProtobufDecodingError(path: path, "time \(seconds)s since the epoch is outside years 1-9999")
        }
        return .string(Timestamp.format(secondsSinceEpoch: seconds))
    }

    static func quantityJSON(_ fields: [String: JSON]) -> JSON {
        .string(fields["string"]?.stringValue ?? "")
    }

    static func intOrStringJSON(_ fields: [String: JSON]) -> JSON {
        if fields["type"]?.intValue == 1 { return .string(fields["strVal"]?.stringValue ?? "") }
        return .int(fields["intVal"]?.intValue ?? 0)
    }
}
