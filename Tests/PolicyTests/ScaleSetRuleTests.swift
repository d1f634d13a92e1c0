import Policy
import Testing

@Suite("Direct IaaS changes to scale sets (N3, N11)")
struct ScaleSetRuleTests {
    @Test("a capacity change outside the service is an N3 finding naming the scale set and both counts")
    func capacity() throws {
        var facts = Fixture.healthy()
        facts.pools[0].observed.capacity = 5
        let finding = try #require(Fixture.findings(.n3, facts).first)
        #expect(finding.reason == "scale set aks-sys-1234-vmss capacity changed 3 -> 5 outside the service")
        #expect(finding.severity == .unsupported)
        #expect(finding.firstSeen == Fixture.t0)
        #expect(finding.remedy == Clause.named(.n3)?.remedy)
    }

    @Test("an N3 finding keeps its first-seen time while it persists, even if its reason changes")
    func firstSeenKept() throws {
        var facts = Fixture.healthy()
        facts.pools[0].observed.capacity = 5
        let first = Fixture.findings(.n3, facts)
        facts.pools[0].observed.capacity = 6
        let later = try #require(Fixture.findings(.n3, facts, previous: first, now: Fixture.days(3)).first)
        #expect(later.firstSeen == Fixture.t0)
        #expect(later.reason.contains("3 -> 6"))
    }

    @Test("the N3 finding disappears when the capacity is back to what the service applied")
    func disappears() {
        var facts = Fixture.healthy()
        facts.pools[0].observed.capacity = 5
        let first = Fixture.findings(.n3, facts)
        facts.pools[0].observed.capacity = 3
        #expect(Fixture.findings(.n3, facts, previous: first, now: Fixture.days(1)).isEmpty)
    }

    @Test("a VM size change and instances deallocated, reimaged or deleted directly are N3 findings")
    func skuAndInstances() {
        var facts = Fixture.healthy()
        facts.pools[0].observed.sku = "Standard_D8s_v5"
        facts.pools[0].instances[0].outOfBand = [.deallocated]
        facts.pools[0].instances[0].powerState = .deallocated
        facts.pools[0].instances[1].outOfBand = [.reimaged]
        facts.pools[0].instances[2].outOfBand = [.deleted]
        let reasons = Fixture.findings(.n3, facts).map(\.reason)
        #expect(
            reasons == [
                "scale set aks-sys-1234-vmss VM size changed Standard_D4s_v5 -> Standard_D8s_v5 outside the service",
                "instance aks-sys-1234-vmss_0 of scale set aks-sys-1234-vmss deallocated outside the service",
                "instance aks-sys-1234-vmss_1 of scale set aks-sys-1234-vmss reimaged outside the service",
                "instance aks-sys-1234-vmss_2 of scale set aks-sys-1234-vmss deleted outside the service",
            ])
    }

    @Test("an extension added through IaaS is an N11 finding; removing it clears the finding")
    func extensionAdded() throws {
        var facts = Fixture.healthy()
        facts.pools[0].observed.extensions.append(
            VMExtension(name: "my-script", type: "Microsoft.Compute.CustomScriptExtension", version: "1.10"))
        let first = Fixture.findings(.n11, facts)
        let finding = try #require(first.first)
        #expect(first.count == 1)
        #expect(
            finding.reason
                == "extension my-script (Microsoft.Compute.CustomScriptExtension 1.10) added to scale set aks-sys-1234-vmss outside the service"
        )
        #expect(finding.severity == .unsupported)
        let later = Fixture.findings(.n11, facts, previous: first, now: Fixture.days(2))
        #expect(later.first?.firstSeen == Fixture.t0)
        facts.pools[0].observed.extensions.removeLast()
        #expect(Fixture.findings(.n11, facts, previous: later, now: Fixture.days(3)).isEmpty)
    }

    @Test("the service's extension changed or removed through IaaS is an N11 finding")
    func extensionChangedOrRemoved() {
        var facts = Fixture.healthy()
        facts.pools[0].observed.extensions[0].version = "2.2"
        #expect(
            Fixture.findings(.n11, facts).map(\.reason) == [
                "extension vmssCSE on scale set aks-sys-1234-vmss changed Microsoft.Azure.Extensions.CustomScript 2.1 -> Microsoft.Azure.Extensions.CustomScript 2.2 outside the service"
            ])
        facts.pools[0].observed.extensions = []
        #expect(
            Fixture.findings(.n11, facts).map(\.reason) == [
                "extension vmssCSE removed from scale set aks-sys-1234-vmss outside the service"
            ])
    }
}
