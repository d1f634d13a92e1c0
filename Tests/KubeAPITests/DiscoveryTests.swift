import KubeAPI
import Testing

@Suite struct DiscoveryTests {
    static let aggregatedAccept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
        + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"

    static func resources(_ list: JSON, group: String) -> [JSON] {
        let item = list["items"]?.arrayValue?.first { $0[path: ["metadata", "name"]] == .string(group) }
        return item?["versions"]?.arrayValue?.first?["resources"]?.arrayValue ?? []
    }

    @Test("/version reports the cluster's major, minor and gitVersion")
    func versionDocument() {
        let version = Discovery.version(kubernetesVersion: "1.32.4")
        #expect(version["major"] == "1")
        #expect(version["minor"] == "32")
        #expect(version["gitVersion"] == "v1.32.4")
        #expect(Discovery.version(kubernetesVersion: "v1.31.9")["minor"] == "31")
    }

    @Test("kubectl's Accept header asks for aggregated discovery; plain JSON does not")
    func acceptNegotiation() {
        #expect(Discovery.wantsAggregated(accept: Self.aggregatedAccept))
        #expect(Discovery.wantsAggregated(accept: "application/json; g=apidiscovery.k8s.io; v=v2; as=APIGroupDiscoveryList"))
        #expect(!Discovery.wantsAggregated(accept: "application/json, */*"))
        #expect(!Discovery.wantsAggregated(accept: "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList"))
        #expect(Discovery.aggregatedContentType == "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
    }

    @Test("aggregated /api lists pods with shortName po, scope and the policy/v1 eviction subresource")
    func aggregatedCore() throws {
        let list = Discovery.aggregated(legacy: true)
        #expect(list["kind"] == "APIGroupDiscoveryList")
        #expect(list["apiVersion"] == "apidiscovery.k8s.io/v2")
        #expect(list["items"]?.arrayValue?.count == 1)
        #expect(list["items"]?.arrayValue?.first?[path: ["versions"]]?.arrayValue?.first?["freshness"] == "Current")
        let pods = try #require(Self.resources(list, group: "").first { $0["resource"] == "pods" })
        #expect(pods["responseKind"] == ["group": "", "version": "v1", "kind": "Pod"])
        #expect(pods["scope"] == "Namespaced")
        #expect(pods["singularResource"] == "pod")
        #expect(pods["shortNames"] == ["po"])
        #expect(pods["categories"] == ["all"])
        let subresources = pods["subresources"]?.arrayValue ?? []
        let eviction = try #require(subresources.first { $0["subresource"] == "eviction" })
        #expect(eviction["responseKind"] == ["group": "policy", "version": "v1", "kind": "Eviction"])
        #expect(eviction["verbs"] == ["create"])
        let status = try #require(subresources.first { $0["subresource"] == "status" })
        #expect(status["responseKind"] == ["group": "", "version": "v1", "kind": "Pod"])
        let nodes = try #require(Self.resources(list, group: "").first { $0["resource"] == "nodes" })
        #expect(nodes["scope"] == "Cluster")
    }

    @Test("aggregated /apis has one item per group, with scale and SelfSubjectAccessReview")
    func aggregatedGroups() throws {
        let list = Discovery.aggregated(legacy: false)
        let names = list["items"]?.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } ?? []
        var groups: [String] = []
        for gv in ResourceCatalog.groupVersions where !gv.group.isEmpty && !groups.contains(gv.group) { groups.append(gv.group) }
        #expect(names == groups)
        #expect(names.contains("authorization.k8s.io"))
        let deployments = try #require(Self.resources(list, group: "apps").first { $0["resource"] == "deployments" })
        let scale = deployments["subresources"]?.arrayValue?.first { $0["subresource"] == "scale" }
        #expect(scale?["responseKind"] == ["group": "autoscaling", "version": "v1", "kind": "Scale"])
        let review = try #require(Self.resources(list, group: "authorization.k8s.io").first)
        #expect(review["resource"] == "selfsubjectaccessreviews")
        #expect(review["verbs"] == ["create"])
        #expect(review["scope"] == "Cluster")
    }

    @Test("every served type is in exactly one aggregated entry")
    func aggregatedCoversCatalog() {
        let all = Discovery.aggregated(legacy: true)["items"]!.arrayValue! + Discovery.aggregated(legacy: false)["items"]!.arrayValue!
        var served: [String] = []
        for item in all {
            let group = item[path: ["metadata", "name"]]?.stringValue ?? ""
            for version in item["versions"]?.arrayValue ?? [] {
                for resource in version["resources"]?.arrayValue ?? [] {
                    served.append("\(group)/\(resource["resource"]?.stringValue ?? "")")
                }
            }
        }
        #expect(served.sorted() == ResourceCatalog.served.map { "\($0.group)/\($0.resource)" }.sorted())
    }

    @Test("legacy /api/v1 carries the pods/eviction entry drain looks for")
    func legacyCoreResourceList() throws {
        let list = try #require(Discovery.resourceList(GroupVersion(group: "", version: "v1")))
        #expect(list["kind"] == "APIResourceList")
        #expect(list["groupVersion"] == "v1")
        let resources = list["resources"]?.arrayValue ?? []
        let eviction = try #require(resources.first { $0["name"] == "pods/eviction" })
        #expect(
            eviction == [
                "name": "pods/eviction", "singularName": "", "namespaced": true, "group": "policy", "version": "v1",
                "kind": "Eviction", "verbs": ["create"],
            ])
        let pods = try #require(resources.first { $0["name"] == "pods" })
        #expect(pods["kind"] == "Pod")
        #expect(pods["namespaced"] == true)
        #expect(pods["singularName"] == "pod")
        #expect(pods["shortNames"] == ["po"])
        let status = try #require(resources.first { $0["name"] == "pods/status" })
        #expect(status["kind"] == "Pod")
        #expect(status["group"] == nil)
    }

    @Test("legacy /apis/apps/v1 names the scale subresource's autoscaling/v1 kind; unknown group-versions are nil")
    func legacyGroupResourceList() throws {
        let list = try #require(Discovery.resourceList(GroupVersion(group: "apps", version: "v1")))
        #expect(list["groupVersion"] == "apps/v1")
        let scale = try #require(list["resources"]?.arrayValue?.first { $0["name"] == "deployments/scale" })
        #expect(scale["group"] == "autoscaling")
        #expect(scale["version"] == "v1")
        #expect(scale["kind"] == "Scale")
        #expect(Discovery.resourceList(GroupVersion(group: "batch", version: "v1")) == nil)
    }

    @Test("legacy /api and /apis list versions and groups with their preferred version")
    func legacyRoots() throws {
        #expect(Discovery.apiVersions() == ["kind": "APIVersions", "versions": ["v1"]])
        let groups = Discovery.apiGroupList()
        #expect(groups["kind"] == "APIGroupList")
        let apps = try #require(groups["groups"]?.arrayValue?.first { $0["name"] == "apps" })
        #expect(apps["versions"] == [["groupVersion": "apps/v1", "version": "v1"]])
        #expect(apps["preferredVersion"] == ["groupVersion": "apps/v1", "version": "v1"])
        #expect(groups["groups"]?.arrayValue?.contains { $0["name"] == "authorization.k8s.io" } == true)
    }
}
