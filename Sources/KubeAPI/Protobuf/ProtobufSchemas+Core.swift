// Field numbers: k8s.io/api/core/v1/generated.proto. `pointer: true` marks Go pointer fields.
extension ProtobufSchemas {
    static let objectMeta = ProtobufFieldType.message("meta.v1.ObjectMeta")

    static let core: [String: MessageSchema] = [
        "core.v1.ConfigMap": [
            .init(1, "metadata", objectMeta), .init(4, "immutable", .bool, pointer: true),
            .init(2, "data", .map(.string)), .init(3, "binaryData", .map(.bytes)),
        ],
        "core.v1.Secret": [
            .init(1, "metadata", objectMeta), .init(5, "immutable", .bool, pointer: true),
            .init(2, "data", .map(.bytes)), .init(4, "stringData", .map(.string)), .init(3, "type", .string),
        ],
        "core.v1.Namespace": [
            .init(1, "metadata", objectMeta), .init(2, "spec", .message("core.v1.NamespaceSpec")),
        ],
        "core.v1.NamespaceSpec": [.init(1, "finalizers", .repeated(.string))],
        "core.v1.ServiceAccount": [
            .init(1, "metadata", objectMeta),
            .init(2, "secrets", .repeated(.message("core.v1.ObjectReference"))),
            .init(3, "imagePullSecrets", .repeated(.message("core.v1.LocalObjectReference"))),
            .init(4, "automountServiceAccountToken", .bool, pointer: true),
        ],
        "core.v1.ObjectReference": [
            .init(1, "kind", .string), .init(2, "namespace", .string), .init(3, "name", .string),
            .init(4, "uid", .string), .init(5, "apiVersion", .string), .init(6, "resourceVersion", .string),
            .init(7, "fieldPath", .string),
        ],
        "core.v1.LocalObjectReference": [.init(1, "name", .string)],
        "core.v1.Service": [
            .init(1, "metadata", objectMeta), .init(2, "spec", .message("core.v1.ServiceSpec")),
        ],
        "core.v1.ServiceSpec": [
            .init(1, "ports", .repeated(.message("core.v1.ServicePort"))),
            .init(2, "selector", .map(.string)), .init(3, "clusterIP", .string),
            .init(18, "clusterIPs", .repeated(.string)), .init(4, "type", .string),
            .init(5, "externalIPs", .repeated(.string)), .init(7, "sessionAffinity", .string),
            .init(8, "loadBalancerIP", .string), .init(9, "loadBalancerSourceRanges", .repeated(.string)),
            .init(10, "externalName", .string), .init(11, "externalTrafficPolicy", .string),
            .init(12, "healthCheckNodePort", .int32), .init(13, "publishNotReadyAddresses", .bool),
            .init(14, "sessionAffinityConfig", .message("core.v1.SessionAffinityConfig"), pointer: true),
            .init(19, "ipFamilies", .repeated(.string)), .init(17, "ipFamilyPolicy", .string, pointer: true),
            .init(20, "allocateLoadBalancerNodePorts", .bool, pointer: true),
            .init(21, "loadBalancerClass", .string, pointer: true),
            .init(22, "internalTrafficPolicy", .string, pointer: true),
            .init(23, "trafficDistribution", .string, pointer: true),
        ],
        "core.v1.ServicePort": [
            .init(1, "name", .string), .init(2, "protocol", .string),
            .init(6, "appProtocol", .string, pointer: true), .init(3, "port", .int32),
            .init(4, "targetPort", .intOrString), .init(5, "nodePort", .int32),
        ],
        "core.v1.SessionAffinityConfig": [
            .init(1, "clientIP", .message("core.v1.ClientIPConfig"), pointer: true)
        ],
        "core.v1.ClientIPConfig": [.init(1, "timeoutSeconds", .int32, pointer: true)],
        "core.v1.Pod": [
            .init(1, "metadata", objectMeta), .init(2, "spec", .message("core.v1.PodSpec")),
        ],
        "core.v1.PodTemplateSpec": [
            .init(1, "metadata", objectMeta), .init(2, "spec", .message("core.v1.PodSpec")),
        ],
    ]
}
