/// The discovery documents kubectl reads before anything else: `/version`, `/api`, `/apis`,
/// `/api/v1` and `/apis/<group>/<version>`, all generated from `ResourceCatalog.served`.
public enum Discovery {
    /// `/version`; minor and gitVersion from the cluster's Kubernetes version ("1.32.4" -> major "1",
    /// minor "32", gitVersion "v1.32.4"). The kubectl dispatcher picks its client by `minor`.
    public static func version(kubernetesVersion: String) -> JSON {
        let bare = kubernetesVersion.hasPrefix("v") ? String(kubernetesVersion.dropFirst()) : kubernetesVersion
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return [
            "major": .string(parts.first ?? ""),
            "minor": .string(parts.count > 1 ? parts[1] : ""),
            "gitVersion": .string("v" + bare),
            "gitCommit": "",
            "gitTreeState": "clean",
            "buildDate": "",
            "goVersion": "",
            "compiler": "gc",
            "platform": "linux/amd64",
        ]
    }

    /// `/api` in legacy form: the core versions.
    public static func apiVersions() -> JSON {
        let versions = ResourceCatalog.groupVersions.filter { $0.group.isEmpty }.map { JSON.string($0.version) }
        return ["kind": "APIVersions", "versions": .array(versions)]
    }

    /// `/apis` in legacy form: every named group with its versions, the first one preferred.
    public static func apiGroupList() -> JSON {
        let groups: [JSON] = namedGroups.map { group, versions in
            let entries: [JSON] = versions.map { ["groupVersion": .string($0.description), "version": .string($0.version)] }
            return ["name": .string(group), "versions": .array(entries), "preferredVersion": entries[0]]
        }
        return ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(groups)]
    }

    /// `/api/v1` or `/apis/<group>/<version>`: an APIResourceList, nil for a group-version not served.
    /// Subresources are separate entries (`pods/eviction`); drain looks for that one.
    public static func resourceList(_ gv: GroupVersion) -> JSON? {
        let types = ResourceCatalog.served.filter { $0.groupVersion == gv }
        guard !types.isEmpty else { return nil }
        var resources: [JSON] = []
        for type in types {
            resources.append([
                "name": .string(type.resource),
                "singularName": .string(type.singular),
                "namespaced": .bool(type.namespaced),
                "kind": .string(type.kind),
                "verbs": strings(type.verbs),
                "shortNames": strings(type.shortNames),
                "categories": strings(type.categories),
            ])
            for sub in type.subresources {
                var entry: JSON = [
                    "name": .string("\(type.resource)/\(sub.name)"),
                    "singularName": "",
                    "namespaced": .bool(type.namespaced),
                    "kind": .string(sub.kind),
                    "verbs": strings(sub.verbs),
                ]
                // Only a subresource of another group-version names it (`policy/v1` Eviction).
                if sub.group != type.group || sub.version != type.version {
                    entry["group"] = .string(sub.group)
                    entry["version"] = .string(sub.version)
                }
                resources.append(entry)
            }
        }
        return ["kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(gv.description), "resources": .array(resources)]
    }

    /// Named groups in catalog order, each with its versions in preference order.
    static var namedGroups: [(group: String, versions: [GroupVersion])] {
        var result: [(group: String, versions: [GroupVersion])] = []
        for gv in ResourceCatalog.groupVersions where !gv.group.isEmpty {
            if let index = result.firstIndex(where: { $0.group == gv.group }) {
                result[index].versions.append(gv)
            } else {
                result.append((gv.group, [gv]))
            }
        }
        return result
    }

    static func strings(_ values: [String]) -> JSON { .array(values.map { .string($0) }) }
}
