import Foundation

/// Defaulting, as upstream's registry does it for the fields kubectl shows. Only fills what is
/// missing, so it is safe on every write.
enum Defaults {
    static func apply(_ object: JSON, type: ResourceType) -> JSON {
        var object = object
        switch (type.group, type.resource) {
        case ("", "namespaces"):
            if object[path: ["status", "phase"]] == nil { object[path: ["status", "phase"]] = "Active" }
            if object[path: ["spec", "finalizers"]] == nil { object[path: ["spec", "finalizers"]] = ["kubernetes"] }
        case ("", "pods"):
            if object[path: ["status", "phase"]] == nil { object[path: ["status", "phase"]] = "Pending" }
            if object[path: ["spec", "restartPolicy"]] == nil { object[path: ["spec", "restartPolicy"]] = "Always" }
            if object[path: ["spec", "terminationGracePeriodSeconds"]] == nil { object[path: ["spec", "terminationGracePeriodSeconds"]] = 30 }
        case ("", "secrets"):
            if object["type"] == nil { object["type"] = "Opaque" }
            if let stringData = object["stringData"]?.objectValue {
                var data = object["data"]?.objectValue ?? [:]
                for (key, value) in stringData { data[key] = .string(Data((value.stringValue ?? "").utf8).base64EncodedString()) }
                object["data"] = .object(data)
                object["stringData"] = nil
            }
        case ("", "services"):
            if object[path: ["spec", "type"]] == nil { object[path: ["spec", "type"]] = "ClusterIP" }
            if object[path: ["spec", "clusterIP"]] == nil {
                let ip = clusterIP(for: "\(ObjectMeta.namespace(object))/\(ObjectMeta.name(object))")
                object[path: ["spec", "clusterIP"]] = .string(ip)
                object[path: ["spec", "clusterIPs"]] = [.string(ip)]
            }
            if var ports = object[path: ["spec", "ports"]]?.arrayValue {
                for index in ports.indices {
                    if ports[index]["protocol"] == nil { ports[index]["protocol"] = "TCP" }
                    if ports[index]["targetPort"] == nil { ports[index]["targetPort"] = ports[index]["port"] }
                }
                object[path: ["spec", "ports"]] = .array(ports)
            }
        case ("apps", "deployments"), ("apps", "replicasets"):
            if object[path: ["spec", "replicas"]] == nil { object[path: ["spec", "replicas"]] = 1 }
            if type.resource == "deployments", object[path: ["spec", "strategy"]] == nil {
                object[path: ["spec", "strategy"]] = ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": "25%", "maxUnavailable": "25%"]]
            }
        default: break
        }
        return object
    }

    /// A stable address in the service CIDR 10.0.0.0/16 (10.0.0.10 is kube-dns).
    static func clusterIP(for key: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let third = (hash >> 8) & 0xFF
        var fourth = hash & 0xFF
        if third == 0, fourth < 11 { fourth += 11 }
        if fourth == 0 || fourth == 255 { fourth = 17 }
        return "10.0.\(third).\(fourth)"
    }
}
