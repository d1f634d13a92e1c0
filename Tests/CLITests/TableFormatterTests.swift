import Testing
import Wire

@testable import CLI

@Suite("table and tsv output")
struct TableFormatterTests {
    let cluster = ManagedClusterWire(
        id: "/subscriptions/s1/resourcegroups/rg1/providers/Microsoft.ContainerService/managedClusters/c1",
        name: "c1", location: "eastus",
        properties: ManagedClusterPropertiesWire(
            provisioningState: "Succeeded", kubernetesVersion: "1.33", currentKubernetesVersion: "1.33.2",
            fqdn: "c1-rg1-s1.hcp.eastus.example"))

    @Test("clusters print in az aks list's columns, padded, under a dashed rule")
    func clusterTable() {
        let text = Printer.render([cluster], as: .table)
        #expect(
            text == """
                Name    Location    ResourceGroup    KubernetesVersion    CurrentKubernetesVersion    ProvisioningState    Fqdn
                ------  ----------  ---------------  -------------------  --------------------------  -------------------  ----------------------------
                c1      eastus      rg1              1.33                 1.33.2                      Succeeded            c1-rg1-s1.hcp.eastus.example
                """)
    }

    @Test("tsv prints the same cells tab-separated without a header")
    func clusterTSV() {
        #expect(
            Printer.render([cluster], as: .tsv)
                == "c1\teastus\trg1\t1.33\t1.33.2\tSucceeded\tc1-rg1-s1.hcp.eastus.example")
    }

    @Test("pools print in az aks nodepool list's columns; missing fields are blank")
    func poolTable() {
        let pool = AgentPoolWire(
            name: "np1",
            properties: AgentPoolProfileWire(
                count: 3, vmSize: "Standard_DS2_v2", osType: "Linux", maxPods: 110, mode: "System",
                currentOrchestratorVersion: "1.33.2", provisioningState: "Succeeded"))
        let lines = Printer.render([pool, AgentPoolWire(name: "empty")], as: .table).split(separator: "\n")
        #expect(
            lines[0]
                == "Name    OsType    KubernetesVersion    VmSize           Count    MaxPods    ProvisioningState    Mode"
        )
        #expect(
            lines[2]
                == "np1     Linux     1.33.2               Standard_DS2_v2  3        110        Succeeded            System"
        )
        #expect(lines[3] == "empty")
    }

    @Test("json output is the wire shape, pretty and with sorted keys")
    func jsonShape() {
        let text = Printer.render(ClockWire(now: "2026-01-01T00:00:00Z", mode: "simulated"), as: .json)
        #expect(text == "{\n  \"mode\" : \"simulated\",\n  \"now\" : \"2026-01-01T00:00:00Z\"\n}")
    }

    @Test("the resource group is read from an id in either spelling")
    func resourceGroupFromID() {
        #expect(ResourceID.resourceGroup(of: "/subscriptions/s/resourceGroups/RG/providers/x") == "RG")
        #expect(ResourceID.resourceGroup(of: "/subscriptions/s") == nil)
    }

    @Test("versions list each patch newest first with its upgrades")
    func versionsTable() {
        let versions = KubernetesVersionListWire(values: [
            KubernetesVersionWire(
                version: "1.32", capabilities: .init(supportPlan: ["KubernetesOfficial"]),
                patchVersions: ["1.32.9": .init(upgrades: ["1.32.10"]), "1.32.10": .init(upgrades: [])])
        ])
        #expect(
            versions.rows == [
                ["1.32.10", "None available", "KubernetesOfficial"], ["1.32.9", "1.32.10", "KubernetesOfficial"],
            ])
    }
}
