// Field numbers: k8s.io/api/core/v1/generated.proto. `pointer: true` marks Go pointer fields.
extension ProtobufSchemas {
    static let containers: [String: MessageSchema] = [
        "core.v1.Container": [
            .init(1, "name", .string), .init(2, "image", .string), .init(3, "command", .repeated(.string)),
            .init(4, "args", .repeated(.string)), .init(5, "workingDir", .string),
            .init(6, "ports", .repeated(.message("core.v1.ContainerPort"))),
            .init(19, "envFrom", .repeated(.message("core.v1.EnvFromSource"))),
            .init(7, "env", .repeated(.message("core.v1.EnvVar"))),
            .init(8, "resources", .message("core.v1.ResourceRequirements")),
            .init(24, "restartPolicy", .string, pointer: true),
            .init(9, "volumeMounts", .repeated(.message("core.v1.VolumeMount"))),
            .init(10, "livenessProbe", .message("core.v1.Probe"), pointer: true),
            .init(11, "readinessProbe", .message("core.v1.Probe"), pointer: true),
            .init(22, "startupProbe", .message("core.v1.Probe"), pointer: true),
            .init(13, "terminationMessagePath", .string), .init(20, "terminationMessagePolicy", .string),
            .init(14, "imagePullPolicy", .string),
            .init(15, "securityContext", .message("core.v1.SecurityContext"), pointer: true),
            .init(16, "stdin", .bool), .init(17, "stdinOnce", .bool), .init(18, "tty", .bool),
        ],
        "core.v1.ContainerPort": [
            .init(1, "name", .string), .init(2, "hostPort", .int32), .init(3, "containerPort", .int32),
            .init(4, "protocol", .string), .init(5, "hostIP", .string),
        ],
        "core.v1.EnvVar": [
            .init(1, "name", .string), .init(2, "value", .string),
            .init(3, "valueFrom", .message("core.v1.EnvVarSource"), pointer: true),
        ],
        "core.v1.EnvVarSource": [
            .init(1, "fieldRef", .message("core.v1.ObjectFieldSelector"), pointer: true),
            .init(2, "resourceFieldRef", .message("core.v1.ResourceFieldSelector"), pointer: true),
            .init(3, "configMapKeyRef", .message("core.v1.ConfigMapKeySelector"), pointer: true),
            .init(4, "secretKeyRef", .message("core.v1.SecretKeySelector"), pointer: true),
        ],
        "core.v1.ObjectFieldSelector": [.init(1, "apiVersion", .string), .init(2, "fieldPath", .string)],
        "core.v1.ResourceFieldSelector": [
            .init(1, "containerName", .string), .init(2, "resource", .string), .init(3, "divisor", .quantity),
        ],
        "core.v1.ConfigMapKeySelector": [
            .init(1, "localObjectReference", .inline("core.v1.LocalObjectReference")),
            .init(2, "key", .string), .init(3, "optional", .bool, pointer: true),
        ],
        "core.v1.SecretKeySelector": [
            .init(1, "localObjectReference", .inline("core.v1.LocalObjectReference")),
            .init(2, "key", .string), .init(3, "optional", .bool, pointer: true),
        ],
        "core.v1.EnvFromSource": [
            .init(1, "prefix", .string),
            .init(2, "configMapRef", .message("core.v1.ConfigMapEnvSource"), pointer: true),
            .init(3, "secretRef", .message("core.v1.SecretEnvSource"), pointer: true),
        ],
        "core.v1.ConfigMapEnvSource": [
            .init(1, "localObjectReference", .inline("core.v1.LocalObjectReference")),
            .init(2, "optional", .bool, pointer: true),
        ],
        "core.v1.SecretEnvSource": [
            .init(1, "localObjectReference", .inline("core.v1.LocalObjectReference")),
            .init(2, "optional", .bool, pointer: true),
        ],
        "core.v1.ResourceRequirements": [
            .init(1, "limits", .map(.quantity)), .init(2, "requests", .map(.quantity)),
            .init(3, "claims", .repeated(.message("core.v1.ResourceClaim"))),
        ],
        "core.v1.ResourceClaim": [.init(1, "name", .string), .init(2, "request", .string)],
        "core.v1.VolumeMount": [
            .init(1, "name", .string), .init(2, "readOnly", .bool),
            .init(7, "recursiveReadOnly", .string, pointer: true), .init(3, "mountPath", .string),
            .init(4, "subPath", .string), .init(5, "mountPropagation", .string, pointer: true),
            .init(6, "subPathExpr", .string),
        ],
        "core.v1.Probe": [
            .init(1, "handler", .inline("core.v1.ProbeHandler")), .init(2, "initialDelaySeconds", .int32),
            .init(3, "timeoutSeconds", .int32), .init(4, "periodSeconds", .int32),
            .init(5, "successThreshold", .int32), .init(6, "failureThreshold", .int32),
            .init(7, "terminationGracePeriodSeconds", .int64, pointer: true),
        ],
        "core.v1.ProbeHandler": [
            .init(1, "exec", .message("core.v1.ExecAction"), pointer: true),
            .init(2, "httpGet", .message("core.v1.HTTPGetAction"), pointer: true),
            .init(3, "tcpSocket", .message("core.v1.TCPSocketAction"), pointer: true),
            .init(4, "grpc", .message("core.v1.GRPCAction"), pointer: true),
        ],
        "core.v1.ExecAction": [.init(1, "command", .repeated(.string))],
        "core.v1.HTTPGetAction": [
            .init(1, "path", .string), .init(2, "port", .intOrString), .init(3, "host", .string),
            .init(4, "scheme", .string), .init(5, "httpHeaders", .repeated(.message("core.v1.HTTPHeader"))),
        ],
        "core.v1.HTTPHeader": [.init(1, "name", .string), .init(2, "value", .string)],
        "core.v1.TCPSocketAction": [.init(1, "port", .intOrString), .init(2, "host", .string)],
        "core.v1.GRPCAction": [.init(1, "port", .int32), .init(2, "service", .string, pointer: true)],
        "core.v1.SecurityContext": [
            .init(1, "capabilities", .message("core.v1.Capabilities"), pointer: true),
            .init(2, "privileged", .bool, pointer: true), .init(4, "runAsUser", .int64, pointer: true),
            .init(8, "runAsGroup", .int64, pointer: true), .init(5, "runAsNonRoot", .bool, pointer: true),
            .init(6, "readOnlyRootFilesystem", .bool, pointer: true),
            .init(7, "allowPrivilegeEscalation", .bool, pointer: true),
            .init(9, "procMount", .string, pointer: true),
        ],
        "core.v1.Capabilities": [.init(1, "add", .repeated(.string)), .init(2, "drop", .repeated(.string))],
    ]
}
