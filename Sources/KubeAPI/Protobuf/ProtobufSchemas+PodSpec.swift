// Field numbers: k8s.io/api/core/v1/generated.proto. `pointer: true` marks Go pointer fields.
// The PodSpec subset that kubectl's typed clients send; other fields are skipped on read.
extension ProtobufSchemas {
    static let podSpec: [String: MessageSchema] = containers.merging(volumes) { first, _ in first }.merging([
        "core.v1.PodSpec": [
            .init(1, "volumes", .repeated(.message("core.v1.Volume"))),
            .init(20, "initContainers", .repeated(.message("core.v1.Container"))),
            .init(2, "containers", .repeated(.message("core.v1.Container"))),
            .init(3, "restartPolicy", .string),
            .init(4, "terminationGracePeriodSeconds", .int64, pointer: true),
            .init(5, "activeDeadlineSeconds", .int64, pointer: true), .init(6, "dnsPolicy", .string),
            .init(7, "nodeSelector", .map(.string)), .init(8, "serviceAccountName", .string),
            .init(9, "serviceAccount", .string), .init(21, "automountServiceAccountToken", .bool, pointer: true),
            .init(10, "nodeName", .string), .init(11, "hostNetwork", .bool), .init(12, "hostPID", .bool),
            .init(13, "hostIPC", .bool), .init(27, "shareProcessNamespace", .bool, pointer: true),
            .init(14, "securityContext", .message("core.v1.PodSecurityContext"), pointer: true),
            .init(15, "imagePullSecrets", .repeated(.message("core.v1.LocalObjectReference"))),
            .init(16, "hostname", .string), .init(17, "subdomain", .string), .init(19, "schedulerName", .string),
            .init(22, "tolerations", .repeated(.message("core.v1.Toleration"))),
            .init(24, "priorityClassName", .string), .init(25, "priority", .int32, pointer: true),
            .init(29, "runtimeClassName", .string, pointer: true),
            .init(30, "enableServiceLinks", .bool, pointer: true),
            .init(31, "preemptionPolicy", .string, pointer: true), .init(32, "overhead", .map(.quantity)),
            .init(35, "setHostnameAsFQDN", .bool, pointer: true), .init(37, "hostUsers", .bool, pointer: true),
            .init(40, "resources", .message("core.v1.ResourceRequirements"), pointer: true),
            .init(41, "hostnameOverride", .string, pointer: true),
        ],
        "core.v1.PodSecurityContext": [
            .init(2, "runAsUser", .int64, pointer: true), .init(6, "runAsGroup", .int64, pointer: true),
            .init(3, "runAsNonRoot", .bool, pointer: true), .init(4, "supplementalGroups", .repeated(.int64)),
            .init(5, "fsGroup", .int64, pointer: true), .init(9, "fsGroupChangePolicy", .string, pointer: true),
        ],
        "core.v1.Toleration": [
            .init(1, "key", .string), .init(2, "operator", .string), .init(3, "value", .string),
            .init(4, "effect", .string), .init(5, "tolerationSeconds", .int64, pointer: true),
        ],
    ]) { first, _ in first }

    static let volumes: [String: MessageSchema] = [
        "core.v1.Volume": [.init(1, "name", .string), .init(2, "volumeSource", .inline("core.v1.VolumeSource"))],
        // Every volume source is a pointer: `emptyDir: {}` is kept, it says which kind of volume this is.
        "core.v1.VolumeSource": [
            .init(1, "hostPath", .message("core.v1.HostPathVolumeSource"), pointer: true),
            .init(2, "emptyDir", .message("core.v1.EmptyDirVolumeSource"), pointer: true),
            .init(6, "secret", .message("core.v1.SecretVolumeSource"), pointer: true),
            .init(10, "persistentVolumeClaim", .message("core.v1.PersistentVolumeClaimVolumeSource"), pointer: true),
            .init(19, "configMap", .message("core.v1.ConfigMapVolumeSource"), pointer: true),
        ],
        "core.v1.HostPathVolumeSource": [.init(1, "path", .string), .init(2, "type", .string, pointer: true)],
        "core.v1.EmptyDirVolumeSource": [
            .init(1, "medium", .string), .init(2, "sizeLimit", .quantity, pointer: true),
            .init(3, "mode", .int32, pointer: true),
        ],
        "core.v1.SecretVolumeSource": [
            .init(1, "secretName", .string), .init(2, "items", .repeated(.message("core.v1.KeyToPath"))),
            .init(3, "defaultMode", .int32, pointer: true), .init(4, "optional", .bool, pointer: true),
        ],
        "core.v1.ConfigMapVolumeSource": [
            .init(1, "localObjectReference", .inline("core.v1.LocalObjectReference")),
            .init(2, "items", .repeated(.message("core.v1.KeyToPath"))),
            .init(3, "defaultMode", .int32, pointer: true), .init(4, "optional", .bool, pointer: true),
        ],
        "core.v1.KeyToPath": [
            .init(1, "key", .string), .init(2, "path", .string), .init(3, "mode", .int32, pointer: true),
        ],
        "core.v1.PersistentVolumeClaimVolumeSource": [.init(1, "claimName", .string), .init(2, "readOnly", .bool)],
    ]
}
