import Foundation

extension Discovery {
    /// The Content-Type that makes kubectl read a reply as aggregated discovery; the same body
    /// labelled `application/json` is read as legacy discovery and yields no resources.
    public static let aggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"

    /// True when the Accept header offers aggregated discovery v2 (`as=APIGroupDiscoveryList`).
    public static func wantsAggregated(accept: String) -> Bool {
        MediaRange.parseList(accept).contains { range in
            range.parameters["as"] == "APIGroupDiscoveryList"
                && (range.parameters["g"] ?? "apidiscovery.k8s.io") == "apidiscovery.k8s.io"
                && (range.parameters["v"] ?? "v2") == "v2"
        }
    }

    /// Aggregated discovery (`apidiscovery.k8s.io/v2` APIGroupDiscoveryList) for `/api`
    /// (legacy: true, one item named "") or `/apis` (legacy: false, one item per group).
    public static func aggregated(legacy: Bool) -> JSON {
        let items: [JSON]
        if legacy {
            let versions = ResourceCatalog.groupVersions.filter { $0.group.isEmpty }
            items = versions.isEmpty ? [] : [groupDiscovery(group: "", versions: versions)]
        } else {
            items = namedGroups.map { groupDiscovery(group: $0.group, versions: $0.versions) }
        }
        return [
            "kind": "APIGroupDiscoveryList",
            "apiVersion": "apidiscovery.k8s.io/v2",
            "metadata": [:],
            "items": .array(items),
        ]
    }

    static func groupDiscovery(group: String, versions: [GroupVersion]) -> JSON {
        let versionEntries: [JSON] = versions.map { gv in
            let resources = ResourceCatalog.served.filter { $0.groupVersion == gv }.map(resourceDiscovery)
            return ["version": .string(gv.version), "freshness": "Current", "resources": .array(resources)]
        }
        return ["metadata": ["name": .string(group)], "versions": .array(versionEntries)]
    }

    static func resourceDiscovery(_ type: ResourceType) -> JSON {
        let subresources: [JSON] = type.subresources.map { sub in
            [
                "subresource": .string(sub.name),
                "responseKind": ["group": .string(sub.group), "version": .string(sub.version), "kind": .string(sub.kind)],
                "verbs": strings(sub.verbs),
            ]
        }
        return [
            "resource": .string(type.resource),
            "responseKind": ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)],
            "scope": type.namespaced ? "Namespaced" : "Cluster",
            "singularResource": .string(type.singular),
            "shortNames": strings(type.shortNames),
            "categories": strings(type.categories),
            "verbs": strings(type.verbs),
            "subresources": .array(subresources),
        ]
    }
}

extension Discovery {
    /// One entry of an HTTP Accept header: `type/subtype;key=value;...`, parameters trimmed.
    struct MediaRange: Equatable {
        var mediaType: String
        var parameters: [String: String]

        static func parseList(_ header: String) -> [MediaRange] {
            header.split(separator: ",").map { entry in
                let pieces = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                var parameters: [String: String] = [:]
                for piece in pieces.dropFirst() {
                    guard let equals = piece.firstIndex(of: "=") else { continue }
                    let key = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                    parameters[key] = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                }
                return MediaRange(mediaType: pieces.first?.lowercased() ?? "", parameters: parameters)
            }
        }
    }
}
