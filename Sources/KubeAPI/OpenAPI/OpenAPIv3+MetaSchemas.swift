extension OpenAPIv3 {
    /// `meta.k8s.io` types every document shares, plus the other kinds subresources take
    /// (policy/v1 Eviction, v1 Binding, autoscaling/v1 Scale).
    static let metaDefinitions: [Definition] = [
        Definition(
            meta("ObjectMeta"),
            "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
            [
                Field("name", .string, "Name must be unique within a namespace."),
                Field("generateName", .string, "Optional prefix used by the server to generate a unique name when name is not provided."),
                Field("namespace", .string, "Namespace defines the space within which each name must be unique."),
                Field("labels", .map(.string), "Map of string keys and values that can be used to organize and categorize objects."),
                Field("annotations", .map(.string), "Unstructured key value map stored with a resource, set by external tools."),
                Field("uid", .string, "UID is the unique in time and space value for this object, set by the server."),
                Field("resourceVersion", .string, "An opaque value that represents the internal version of this object."),
                Field("generation", .integer, "A sequence number representing a specific generation of the desired state."),
                Field("creationTimestamp", .dateTime, "Server time when this object was created."),
                Field("deletionTimestamp", .dateTime, "Time after which this resource will be deleted, set when deletion is requested."),
                Field("deletionGracePeriodSeconds", .integer, "Seconds allowed for this object to gracefully terminate."),
                Field("finalizers", .array(.string), "Must be empty before the object is deleted from the registry."),
                Field(
                    "ownerReferences", .array(.ref(meta("OwnerReference"))),
                    "List of objects depended by this object; garbage collection removes it when all owners are gone."),
            ]),
        Definition(
            meta("OwnerReference"), "OwnerReference contains enough information to let you identify an owning object.",
            [
                Field("apiVersion", .string, "API version of the referent.", required: true),
                Field("kind", .string, "Kind of the referent.", required: true),
                Field("name", .string, "Name of the referent.", required: true),
                Field("uid", .string, "UID of the referent.", required: true),
                Field("controller", .boolean, "If true, this reference points to the managing controller."),
                Field("blockOwnerDeletion", .boolean, "If true, the owner cannot be deleted before this object is removed."),
            ]),
        Definition(
            meta("ListMeta"), "ListMeta describes metadata that synthetic resources must have, including lists.",
            [
                Field("resourceVersion", .string, "The version of the list, to watch from."),
                Field("continue", .string, "Set when more items are available: pass it to get the next page."),
                Field("remainingItemCount", .integer, "The number of subsequent items in the list not included in this response."),
            ]),
        Definition(
            meta("LabelSelector"), "A label query over a set of resources; the requirements are ANDed.",
            [
                Field("matchLabels", .map(.string), "Map of {key,value} pairs, each equivalent to an In requirement with one value."),
                Field("matchExpressions", .array(.ref(meta("LabelSelectorRequirement"))), "A list of label selector requirements."),
            ]),
        Definition(
            meta("LabelSelectorRequirement"), "A selector that contains values, a key, and an operator relating them.",
            [
                Field("key", .string, "The label key that the selector applies to.", required: true),
                Field("operator", .string, "The key's relationship to the values: In, NotIn, Exists or DoesNotExist.", required: true),
                Field("values", .array(.string), "An array of string values."),
            ]),
        Definition(
            meta("Condition"), "Condition contains details for one aspect of the current state of this API resource.",
            conditionFields(timestamps: ["lastTransitionTime"]) + [
                Field("observedGeneration", .integer, "The generation the condition was set based upon.")
            ]),
        Definition(
            meta("DeleteOptions"), "DeleteOptions may be provided when deleting an API object.",
            [
                Field("gracePeriodSeconds", .integer, "The duration in seconds before the object should be deleted."),
                Field("propagationPolicy", .string, "Whether and how garbage collection is performed: Orphan, Background or Foreground."),
                Field("dryRun", .array(.string), "When present, indicates that modifications should not be persisted."),
                Field("orphanDependents", .boolean, "Deprecated: use propagationPolicy."),
                Field("preconditions", .ref(meta("Preconditions")), "Must be fulfilled before a deletion is carried out."),
            ]),
        Definition(
            meta("Preconditions"), "Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.",
            [
                Field("uid", .string, "Specifies the target UID."),
                Field("resourceVersion", .string, "Specifies the target ResourceVersion."),
            ]),
        Definition(meta("Patch"), "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.", []),
        Definition(
            kind: "Status", group: "", version: "v1", name: meta("Status"), "Status is a return value for calls that don't return other objects.",
            [
                Field("status", .string, "Status of the operation: Success or Failure."),
                Field("message", .string, "A human-readable description of the status of this operation."),
                Field("reason", .string, "A machine-readable description of why this operation is in the Failure status."),
                Field("code", .integer, "Suggested HTTP return code for this status."),
                Field("details", .freeform, "Extended data associated with the reason."),
            ], listMeta: true),
        Definition(
            kind: "Eviction", group: "policy", version: "v1",
            "Eviction evicts a pod from its node subject to certain policies and safety constraints.",
            [Field("deleteOptions", .ref(meta("DeleteOptions")), "DeleteOptions may be provided.")]),
        Definition(
            kind: "Binding", group: "", version: "v1",
            "Binding ties one object to another; for example, a pod is bound to a node by a scheduler.",
            [Field("target", .ref("io.k8s.api.core.v1.ObjectReference"), "The target object that you want to bind to the standard object.", required: true)]),
        Definition(
            kind: "Scale", group: "autoscaling", version: "v1", "Scale represents a scaling request for a resource.",
            [
                Field("spec", .ref("io.k8s.api.autoscaling.v1.ScaleSpec"), "Defines the behavior of the scale."),
                Field("status", .ref("io.k8s.api.autoscaling.v1.ScaleStatus"), "The current status of the scale."),
            ]),
        Definition(
            "io.k8s.api.autoscaling.v1.ScaleSpec", "ScaleSpec describes the attributes of a scale subresource.",
            [Field("replicas", .integer, "The desired number of instances for the scaled object.")]),
        Definition(
            "io.k8s.api.autoscaling.v1.ScaleStatus", "ScaleStatus represents the current status of a scale subresource.",
            [
                Field("replicas", .integer, "The actual number of observed instances of the scaled object.", required: true),
                Field("selector", .string, "Label query over pods that should match the replicas count, in string form."),
            ]),
    ]

    /// Schemas that are not objects: IntOrString takes either JSON type.
    static let scalarSchemas: [String: JSON] = [
        intOrStringName: [
            "description": "IntOrString is a type that can hold an int32 or a string (a port number or name, or a percentage).",
            "x-kubernetes-int-or-string": true,
            "anyOf": [["type": "integer"], ["type": "string"]],
        ]
    ]

    /// `type`, `status`, `reason`, `message` and the given timestamps: the shape every condition shares.
    static func conditionFields(timestamps: [String]) -> [Field] {
        [
            Field("type", .string, "Type of the condition.", required: true),
            Field("status", .string, "Status of the condition: True, False or Unknown.", required: true),
            Field("reason", .string, "Unique, one-word, CamelCase reason for the condition's last transition."),
            Field("message", .string, "Human-readable message indicating details about the transition."),
        ] + timestamps.map { Field($0, .dateTime, "Time of the condition's \($0 == "lastTransitionTime" ? "last transition" : "last update").") }
    }
}
