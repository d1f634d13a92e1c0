import Core
import Foundation

/// The metadata the server owns: uid, creation time, generation, resourceVersion.
public enum ObjectMeta {
    /// RFC 3339 in UTC with seconds, as Kubernetes writes `metav1.Time`.
    public static func timestamp(_ date: Date) -> String {
        Timestamp.format(secondsSinceEpoch: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    public static func parseTimestamp(_ text: String) -> Date? {
        Timestamp.parse(text)
    }

    /// Fills in what a new object gets from the server and drops what a client may not set.
    static func prepareForCreate(_ object: JSON, type: ResourceType, namespace: String, now: Date) -> JSON {
        var object = object
        object["apiVersion"] = .string(type.apiVersion)
        object["kind"] = .string(type.kind)
        var meta = object["metadata"] ?? [:]
        if type.namespaced { meta["namespace"] = .string(namespace) } else { meta["namespace"] = nil }
        meta["uid"] = .string(UUIDv4.make())
        meta["creationTimestamp"] = .string(timestamp(now))
        meta["resourceVersion"] = nil
        meta["deletionTimestamp"] = nil
        meta["deletionGracePeriodSeconds"] = nil
        meta["selfLink"] = nil
        meta["managedFields"] = nil
        if object["spec"] != nil { meta["generation"] = 1 } else { meta["generation"] = nil }
        object["metadata"] = meta
        return object
    }

    /// Carries over what an update may not change (uid, creation time, deletion state) and
    /// bumps `generation` when the spec changed.
    static func prepareForUpdate(_ new: JSON, old: JSON, type: ResourceType) -> JSON {
        var object = new
        object["apiVersion"] = .string(type.apiVersion)
        object["kind"] = .string(type.kind)
        for field in ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "namespace"] {
            object[path: ["metadata", field]] = old[path: ["metadata", field]]
        }
        object[path: ["metadata", "managedFields"]] = nil
        if let generation = old[path: ["metadata", "generation"]]?.intValue {
            let changed = object["spec"] != old["spec"]
            object[path: ["metadata", "generation"]] = .int(changed ? generation + 1 : generation)
        } else if object["spec"] != nil {
            object[path: ["metadata", "generation"]] = 1
        }
        return object
    }

    public static func name(_ object: JSON) -> String { object[path: ["metadata", "name"]]?.stringValue ?? "" }
    public static func namespace(_ object: JSON) -> String { object[path: ["metadata", "namespace"]]?.stringValue ?? "" }

    public static func labels(_ object: JSON) -> [String: String] {
        stringMap(object[path: ["metadata", "labels"]])
    }

    public static func annotations(_ object: JSON) -> [String: String] {
        stringMap(object[path: ["metadata", "annotations"]])
    }

    static func stringMap(_ value: JSON?) -> [String: String] {
        guard let members = value?.objectValue else { return [:] }
        return members.compactMapValues { $0.stringValue }
    }
}
