import Core
import Testing

@Suite("ARM naming rules")
struct NameRulesTests {
    @Test("cluster names follow the managedClusters pattern", arguments: [
        ("c", true), ("c1", true), ("my-cluster_01", true), ("-c", false), ("c-", false), ("", false),
        (String(repeating: "a", count: 63), true), (String(repeating: "a", count: 64), false), ("c.1", false),
    ])
    func clusterNames(name: String, valid: Bool) {
        #expect(((try? ResourceNameRules.validateClusterName(name)) != nil) == valid)
    }

    @Test("agent pool names are 1-12 lowercase letters and digits starting with a letter", arguments: [
        ("sys", true), ("nodepool1", true), ("a23456789012", true), ("a234567890123", false), ("1pool", false), ("Pool", false), ("po-ol", false),
    ])
    func poolNames(name: String, valid: Bool) {
        #expect(((try? ResourceNameRules.validateAgentPoolName(name)) != nil) == valid)
    }

    @Test("system tag and label prefixes are reserved (N4)")
    func reserved() {
        #expect(ReservedMetadata.isReservedTag("aks-managed-poolName"))
        #expect(!ReservedMetadata.isReservedTag("team"))
        #expect(ReservedMetadata.isReservedLabel("kubernetes.azure.com/mode"))
        #expect(ReservedMetadata.isReservedLabel("node.kubernetes.io/exclude-from-external-load-balancers"))
        #expect(!ReservedMetadata.isReservedLabel("app"))
    }

    @Test("the node resource group is MC_{rg}_{cluster}_{location}")
    func nodeResourceGroup() {
        #expect(ClusterID(subscription: "s", resourceGroup: "rg1", name: "c1").nodeResourceGroup(location: "eastus") == "MC_rg1_c1_eastus")
    }
}
