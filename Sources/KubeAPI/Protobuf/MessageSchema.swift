/// What a protobuf field holds and which JSON it becomes.
indirect enum ProtobufFieldType: Sendable {
    case string
    /// Varint read as a signed 32-bit number.
    case int32
    /// Varint read as a signed 64-bit number.
    case int64
    case bool
    /// Raw bytes, written to JSON as a base64 string (as Go's `[]byte`).
    case bytes
    /// A nested message, by its name in `ProtobufSchemas.messages`.
    case message(String)
    /// A Go embedded struct: a nested message whose members join the enclosing JSON object
    /// (`Volume.volumeSource`, `ConfigMapVolumeSource.localObjectReference`).
    case inline(String)
    /// `map<string, V>`: repeated entries `{1 key, 2 value}` become one JSON object.
    case map(ProtobufFieldType)
    case repeated(ProtobufFieldType)
    /// `metav1.Time` `{1 seconds, 2 nanos}` -> RFC 3339 (`2024-01-02T03:04:05Z`); an empty message is
    /// the zero time, which JSON leaves out.
    case time
    /// `resource.Quantity` `{1 string}` -> the quantity string (`500m`).
    case quantity
    /// `intstr.IntOrString` `{1 type, 2 intVal, 3 strVal}` -> a JSON number or string.
    case intOrString

    /// True for types whose repeated values may arrive packed in one length-delimited field.
    var isPackable: Bool {
        switch self {
        case .int32, .int64, .bool: true
        default: false
        }
    }
}

/// One field of a message schema: its number on the wire, its JSON name and its type.
struct ProtobufField: Sendable {
    let number: Int
    let jsonName: String
    let type: ProtobufFieldType
    /// A Go pointer field: a value present on the wire is kept even when zero or empty
    /// (`spec.replicas: 0`, `gracePeriodSeconds: 0`, `emptyDir: {}`). Other fields follow the
    /// default rule: zero scalars, empty messages, lists and maps are left out, because Go's
    /// encoder writes every non-pointer field even when it is empty.
    let keepsZero: Bool

    init(_ number: Int, _ jsonName: String, _ type: ProtobufFieldType, pointer: Bool = false) {
        self.number = number
        self.jsonName = jsonName
        self.type = type
        self.keepsZero = pointer
    }
}

/// A protobuf message as data: its fields by number. Numbers come from the `generated.proto`
/// files of `k8s.io/api` and `k8s.io/apimachinery`; fields not listed are skipped when read.
struct MessageSchema: Sendable, ExpressibleByArrayLiteral {
    /// Fields in declaration order (JSON members are written from this order).
    let fields: [ProtobufField]
    let fieldsByNumber: [Int: ProtobufField]

    init(arrayLiteral fields: ProtobufField...) {
        self.fields = fields
        self.fieldsByNumber = Dictionary(fields.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
