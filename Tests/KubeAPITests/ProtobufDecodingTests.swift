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

@Suite struct ProtobufDecodingTests {
    @Test("ConfigMap as kubectl sends it: empty scalars and the zero timestamp are absent, data is kept")
    func configMap() throws {
        let body = envelope("v1", "ConfigMap") { cm in
            kubectlMetadata(&cm, name: "game-config")
            cm.entry(2, "lives", "3")
            cm.entry(2, "empty", "")
        }
        #expect(ProtobufBody.hasMagic(body))
        let object = try ProtobufBody.decode(body)
        #expect(
            object == [
                "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "game-config"],
                "data": ["lives": "3", "empty": ""],
            ])
    }

    @Test("an object whose metadata is all empty has no name, generateName or creationTimestamp")
    func emptyMetadata() throws {
        let body = envelope("v1", "Namespace") { ns in
            kubectlMetadata(&ns, name: "")
            ns.message(2) { _ in }  // spec with no finalizers
            ns.message(3) { $0.string(1, "") }  // status: not read
        }
        #expect(try ProtobufBody.decode(body) == ["apiVersion": "v1", "kind": "Namespace"])
    }

    @Test("Secret data bytes become base64 strings")
    func secret() throws {
        let body = envelope("v1", "Secret") { secret in
            kubectlMetadata(&secret, name: "db")
            secret.message(2) {
                $0.string(1, "password")
                $0.data(2, Array("hunter2".utf8))
            }
            secret.message(2) {
                $0.string(1, "raw")
                $0.data(2, [0x00, 0x01, 0x02, 0xFF])
            }
            secret.string(3, "Opaque")
        }
        #expect(
            try ProtobufBody.decode(body) == [
                "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "db"], "type": "Opaque",
                "data": ["password": "aHVudGVyMg==", "raw": "AAEC/w=="],
            ])
    }

    @Test("Deployment keeps replicas 0 and reads containers, ports, quantities and IntOrString")
    func deployment() throws {
        let object = try ProtobufBody.decode(Self.deploymentBody)
        let expected: JSON = [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": "web", "labels": ["app": "web"]],
            "spec": [
                "replicas": 0,
                "selector": ["matchLabels": ["app": "web"]],
                "template": [
                    "metadata": ["labels": ["app": "web"]],
                    "spec": [
                        "containers": [
                            [
                                "name": "nginx", "image": "nginx:1.27", "args": ["-g", "daemon off;"],
                                "ports": [["containerPort": 80, "protocol": "TCP"]],
                                "resources": ["limits": ["cpu": "500m"], "requests": ["memory": "64Mi"]],
                            ]
                        ]
                    ],
                ],
                "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": 0, "maxSurge": "25%"]],
            ],
        ]
        #expect(object == expected)
    }

    /// `kubectl create deployment web --image=nginx:1.27 --port=80 --replicas=0`, plus resources and a strategy.
    static let deploymentBody = envelope("apps/v1", "Deployment", raw: deploymentRaw)

    static let deploymentRaw: [UInt8] = {
        var deployment = ProtoWriter()
        kubectlMetadata(&deployment, name: "web", labels: [("app", "web")])
        deployment.message(2) { spec in
            spec.int(1, 0)  // replicas: a pointer, written because it is set
            spec.message(2) { $0.entry(1, "app", "web") }
            spec.message(3) { template in
                kubectlMetadata(&template, name: "", labels: [("app", "web")])
                template.message(2) { pod in
                    pod.message(2) { container in
                        container.string(1, "nginx")
                        container.string(2, "nginx:1.27")
                        container.string(4, "-g")
                        container.string(4, "daemon off;")
                        container.string(5, "")
                        container.message(6) { port in
                            port.string(1, "")
                            port.int(2, 0)
                            port.int(3, 80)
                            port.string(4, "TCP")
                            port.string(5, "")
                        }
                        container.message(8) { resources in
                            resources.quantity(1, "cpu", "500m")
                            resources.quantity(2, "memory", "64Mi")
                        }
                        container.string(13, "")
                        container.string(14, "")
                        container.bool(16, false)
                    }
                    pod.string(3, "")
                    pod.bool(11, false)
                }
            }
            spec.message(4) { strategy in
                strategy.string(1, "RollingUpdate")
                strategy.message(2) { rolling in
                    rolling.message(1) {  // maxUnavailable: IntOrString{Int 0}, kept (pointer)
                        $0.int(1, 0)
                        $0.int(2, 0)
                        $0.string(3, "")
                    }
                    rolling.message(2) {  // maxSurge: IntOrString{String "25%"}
                        $0.int(1, 1)
                        $0.int(2, 0)
                        $0.string(3, "25%")
                    }
                }
            }
            spec.int(5, 0)  // minReadySeconds
            spec.bool(7, false)  // paused
        }
        deployment.message(3) { _ in }  // status: not read
        return deployment.bytes
    }()
}

extension ProtobufDecodingTests {
    @Test("Pod keeps emptyDir {} and pointer zeros, inlines configMap's name and formats timestamps")
    func pod() throws {
        let body = envelope("v1", "Pod") { pod in
            pod.message(1) {
                $0.string(1, "runner")
                $0.message(8) { $0.int(1, 1_704_164_645) }  // creationTimestamp
            }
            pod.message(2) { spec in
                spec.message(1) { volume in
                    volume.string(1, "scratch")
                    volume.message(2) { $0.message(2) { _ in } }  // volumeSource (embedded) { emptyDir: {} }
                }
                spec.message(1) { volume in
                    volume.string(1, "settings")
                    // volumeSource (embedded) { configMap { localObjectReference (embedded) { name } } }
                    volume.message(2) { $0.message(19) { $0.message(1) { $0.string(1, "app-config") } } }
                }
                spec.message(2) { $0.string(1, "main") }
                spec.int(4, 0)  // terminationGracePeriodSeconds: pointer, kept
                spec.message(22) { toleration in
                    toleration.string(1, "node.kubernetes.io/unreachable")
                    toleration.string(2, "Exists")
                    toleration.string(4, "NoExecute")
                    toleration.int(5, 300)
                }
                spec.bool(11, true)  // hostNetwork
            }
        }
        #expect(
            try ProtobufBody.decode(body) == [
                "apiVersion": "v1", "kind": "Pod",
                "metadata": ["name": "runner", "creationTimestamp": "2024-01-02T03:04:05Z"],
                "spec": [
                    "volumes": [
                        ["name": "scratch", "emptyDir": [:]],
                        ["name": "settings", "configMap": ["name": "app-config"]],
                    ],
                    "containers": [["name": "main"]],
                    "terminationGracePeriodSeconds": 0,
                    "tolerations": [
                        [
                            "key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute",
                            "tolerationSeconds": 300,
                        ]
                    ],
                    "hostNetwork": true,
                ],
            ])
    }

    @Test("Service ports carry numeric and named target ports")
    func service() throws {
        let body = envelope("v1", "Service") { service in
            kubectlMetadata(&service, name: "web")
            service.message(2) { spec in
                spec.message(1) { port in
                    port.string(1, "http")
                    port.string(2, "TCP")
                    port.int(3, 80)
                    port.message(4) { $0.int(2, 8080) }
                    port.int(5, 0)
                }
                spec.message(1) { port in
                    port.string(1, "metrics")
                    port.int(3, 9090)
                    port.message(4) {
                        $0.int(1, 1)
                        $0.string(3, "metrics")
                    }
                }
                spec.entry(2, "app", "web")
                spec.string(3, "")
                spec.string(4, "ClusterIP")
            }
        }
        #expect(
            try ProtobufBody.decode(body)["spec"] == [
                "ports": [
                    ["name": "http", "protocol": "TCP", "port": 80, "targetPort": 8080],
                    ["name": "metrics", "port": 9090, "targetPort": "metrics"],
                ],
                "selector": ["app": "web"], "type": "ClusterIP",
            ])
    }

    @Test("SelfSubjectAccessReview from kubectl auth can-i")
    func selfSubjectAccessReview() throws {
        let resource = envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview") { review in
            kubectlMetadata(&review, name: "")
            review.message(2) { spec in
                spec.message(1) { attributes in
                    attributes.string(1, "default")
                    attributes.string(2, "create")
                    attributes.string(3, "apps")
                    attributes.string(4, "")
                    attributes.string(5, "deployments")
                    attributes.string(6, "")
                    attributes.string(7, "")
                }
            }
            review.message(3) { $0.bool(1, false) }  // status: not read
        }
        #expect(
            try ProtobufBody.decode(resource) == [
                "apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
                "spec": [
                    "resourceAttributes": [
                        "namespace": "default", "verb": "create", "group": "apps", "resource": "deployments",
                    ]
                ],
            ])
        let nonResource = envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview") { review in
            review.message(2) { spec in
                spec.message(2) {
                    $0.string(1, "/healthz")
                    $0.string(2, "get")
                }
            }
        }
        #expect(
            try ProtobufBody.decode(nonResource)["spec"] == [
                "nonResourceAttributes": ["path": "/healthz", "verb": "get"]
            ])
    }

    @Test("DeleteOptions keeps gracePeriodSeconds 0", arguments: ["v1", "meta.k8s.io/v1"])
    func deleteOptions(apiVersion: String) throws {
        let body = envelope(apiVersion, "DeleteOptions") { options in
            options.int(1, 0)
            options.message(2) { $0.string(1, "6f1c0e4a") }
            options.string(4, "Background")
            options.string(5, "All")
        }
        #expect(
            try ProtobufBody.decode(body) == [
                "apiVersion": .string(apiVersion), "kind": "DeleteOptions", "gracePeriodSeconds": 0,
                "preconditions": ["uid": "6f1c0e4a"], "propagationPolicy": "Background", "dryRun": ["All"],
            ])
    }

    @Test("ClusterRoleBinding subjects and roleRef; ClusterRole rules")
    func rbac() throws {
        let binding = envelope("rbac.authorization.k8s.io/v1", "ClusterRoleBinding") { binding in
            kubectlMetadata(&binding, name: "admins")
            binding.message(2) { subject in
                subject.string(1, "User")
                subject.string(2, "rbac.authorization.k8s.io")
                subject.string(3, "alice")
                subject.string(4, "")
            }
            binding.message(2) { subject in
                subject.string(1, "ServiceAccount")
                subject.string(2, "")
                subject.string(3, "builder")
                subject.string(4, "ci")
            }
            binding.message(3) { ref in
                ref.string(1, "rbac.authorization.k8s.io")
                ref.string(2, "ClusterRole")
                ref.string(3, "cluster-admin")
            }
        }
        #expect(
            try ProtobufBody.decode(binding) == [
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                "metadata": ["name": "admins"],
                "subjects": [
                    ["kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": "alice"],
                    ["kind": "ServiceAccount", "name": "builder", "namespace": "ci"],
                ],
                "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"],
            ])
        let role = envelope("rbac.authorization.k8s.io/v1", "ClusterRole") { role in
            kubectlMetadata(&role, name: "reader")
            role.message(2) { rule in
                rule.string(1, "get")
                rule.string(1, "list")
                rule.string(2, "")
                rule.string(3, "pods")
            }
            role.message(2) { rule in
                rule.string(1, "get")
                rule.string(5, "/healthz")
            }
        }
        #expect(
            try ProtobufBody.decode(role)["rules"] == [
                ["verbs": ["get", "list"], "apiGroups": [""], "resources": ["pods"]],
                ["verbs": ["get"], "nonResourceURLs": ["/healthz"]],
            ])
    }
}

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
        #expect(ProtobufWellKnown.rfc3339(secondsSinceEpoch: 0) == "1970-01-01T00:00:00Z")
        #expect(ProtobufWellKnown.rfc3339(secondsSinceEpoch: 951_782_400) == "2000-02-29T00:00:00Z")
        #expect(ProtobufWellKnown.rfc3339(secondsSinceEpoch: -1) == "1969-12-31T23:59:59Z")
        #expect(ProtobufWellKnown.rfc3339(secondsSinceEpoch: 253_402_300_799) == "9999-12-31T23:59:59Z")
        #expect(ProtobufWellKnown.rfc3339(secondsSinceEpoch: -62_135_596_800) == "0001-01-01T00:00:00Z")
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
