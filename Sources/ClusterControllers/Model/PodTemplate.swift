import KubeAPI

/// Pods made from a controller's `spec.template`, owned by the controller.
enum PodTemplate {
    /// A new pod from `template` with a controller reference to `owner`; the API completes
    /// `{generateName}` with five random characters, as upstream names controller pods.
    static func pod(from template: JSON?, owner: JSON, kind: String, extraLabels: [String: String] = [:]) -> JSON {
        var metadata: JSON = [
            "generateName": .string(ObjectMeta.name(owner) + "-"),
            "namespace": .string(ObjectMeta.namespace(owner)),
            "ownerReferences": [OwnerReference.controller(owner, kind: kind)],
        ]
        var labels = template?[path: ["metadata", "labels"]]?.objectValue ?? [:]
        for (key, value) in extraLabels { labels[key] = .string(value) }
        if !labels.isEmpty { metadata["labels"] = .object(labels) }
        if let annotations = template?[path: ["metadata", "annotations"]], !annotations.isNull { metadata["annotations"] = annotations }
        return ["apiVersion": "v1", "kind": "Pod", "metadata": metadata, "spec": template?["spec"] ?? [:]]
    }

    /// Pods a ReplicaSet scales down first (upstream `ActivePods` order): unassigned before
    /// assigned, Pending before Unknown before Running, not ready before ready, newer before older.
    static func deletionOrder(_ a: Pod, _ b: Pod) -> Bool {
        if (a.nodeName == nil) != (b.nodeName == nil) { return a.nodeName == nil }
        let rank = ["Pending": 0, "Unknown": 1, "Running": 2]
        let (ra, rb) = (rank[a.phase] ?? 0, rank[b.phase] ?? 0)
        if ra != rb { return ra < rb }
        if a.isReady != b.isReady { return !a.isReady }
        if a.creation != b.creation { return a.creation > b.creation }
        return a.name > b.name
    }

    /// Every label of the template is on the pod (`fullyLabeledReplicas`).
    static func isFullyLabeled(_ pod: Pod, template: JSON?) -> Bool {
        let wanted = template?[path: ["metadata", "labels"]]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
        let labels = pod.labels
        return wanted.allSatisfy { labels[$0.key] == $0.value }
    }
}
