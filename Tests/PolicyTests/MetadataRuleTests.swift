import Policy
import Testing

@Suite("System tags and labels (N4)")
struct MetadataRuleTests {
    @Test("a system tag changed outside the service is an N4 finding; restoring it clears it")
    func systemTagChanged() throws {
        var facts = Fixture.healthy()
        facts.metadata[0].observed["aks-managed-poolName"] = "other"
        let first = Fixture.findings(.n4, facts)
        let finding = try #require(first.first)
        #expect(
            finding.reason
                == "system tag aks-managed-poolName on virtualMachineScaleSets/aks-sys-1234-vmss changed sys -> other outside the service")
        #expect(finding.severity == .unsupported)
        #expect(Fixture.findings(.n4, facts, previous: first, now: Fixture.days(5)).first?.firstSeen == Fixture.t0)
        facts.metadata[0].observed["aks-managed-poolName"] = "sys"
        #expect(Fixture.findings(.n4, facts, previous: first, now: Fixture.days(6)).isEmpty)
    }

    @Test("removing a system tag or adding one under a reserved prefix is an N4 finding")
    func removedOrAdded() {
        var facts = Fixture.healthy()
        facts.metadata[0].observed = ["aks-managed-mine": "x"]
        #expect(
            Fixture.findings(.n4, facts).map(\.reason) == [
                "system tag aks-managed-mine=x added to virtualMachineScaleSets/aks-sys-1234-vmss outside the service",
                "system tag aks-managed-poolName removed from virtualMachineScaleSets/aks-sys-1234-vmss outside the service",
            ])
    }

    @Test("customers' own tags and labels are never findings")
    func customerMetadata() {
        var facts = Fixture.healthy()
        facts.metadata[0].observed["team"] = "payments"
        facts.metadata.append(MetadataFacts(kind: .label, resource: "node aks-sys-1234-vmss000000", applied: [:], observed: ["app": "web"]))
        #expect(Fixture.findings(.n4, facts).isEmpty)
    }

    @Test("a system node label changed is an N4 finding")
    func systemLabel() {
        var facts = Fixture.healthy()
        facts.metadata.append(
            MetadataFacts(
                kind: .label, resource: "node aks-sys-1234-vmss000000",
                applied: ["kubernetes.azure.com/mode": "system"], observed: ["kubernetes.azure.com/mode": "user"]))
        #expect(
            Fixture.findings(.n4, facts).map(\.reason) == [
                "system label kubernetes.azure.com/mode on node aks-sys-1234-vmss000000 changed system -> user outside the service"
            ])
    }
}
