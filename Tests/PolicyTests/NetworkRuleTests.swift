import Policy
import Testing

@Suite("NSG rules and required egress (SEC4)")
struct NetworkRuleTests {
    @Test("a rule added to the managed subnet's NSG outside the service is a SEC4 finding")
    func managedSubnetRule() throws {
        var facts = Fixture.healthy()
        facts.securityRules.append(SecurityRuleFacts(name: "deny-ssh", nsg: "aks-agentpool-nsg", placement: .managedSubnet("aks-subnet")))
        let first = Fixture.findings(.sec4, facts)
        let finding = try #require(first.first)
        #expect(first.count == 1)
        #expect(finding.reason == "rule deny-ssh added to NSG aks-agentpool-nsg of managed subnet aks-subnet outside the service")
        #expect(finding.severity == .unsupported)
        #expect(Fixture.findings(.sec4, facts, previous: first, now: Fixture.days(1)).first?.firstSeen == Fixture.t0)
        facts.securityRules.removeLast()
        #expect(Fixture.findings(.sec4, facts, previous: first, now: Fixture.days(2)).isEmpty)
    }

    @Test("a rule on a node's NIC is a SEC4 finding")
    func nicRule() {
        var facts = Fixture.healthy()
        facts.securityRules.append(SecurityRuleFacts(name: "allow-rdp", nsg: "my-nic-nsg", placement: .nic("aks-sys-1234-vmss_0-nic")))
        #expect(
            Fixture.findings(.sec4, facts).map(\.reason) == [
                "rule allow-rdp added to NSG my-nic-nsg on network interface aks-sys-1234-vmss_0-nic"
            ])
    }

    @Test("a rule blocking required egress is a SEC4 finding naming the endpoints")
    func blockedEgress() {
        var facts = Fixture.healthy()
        facts.securityRules.append(
            SecurityRuleFacts(
                name: "deny-all-out", nsg: "aks-agentpool-nsg", placement: .managedSubnet("aks-subnet"),
                blockedRequiredEgress: ["mcr.microsoft.com:443", "api-server:443"]))
        #expect(
            Fixture.findings(.sec4, facts).map(\.reason) == [
                "rule deny-all-out added to NSG aks-agentpool-nsg of managed subnet aks-subnet outside the service",
                "rule deny-all-out on NSG aks-agentpool-nsg (managed subnet aks-subnet) blocks required egress to mcr.microsoft.com:443, api-server:443",
            ])
    }

    @Test("a rule on the customer's own subnet is not a finding")
    func customerSubnet() {
        var facts = Fixture.healthy()
        facts.securityRules.append(SecurityRuleFacts(name: "deny-ssh", nsg: "my-nsg", placement: .customerSubnet("my-subnet")))
        #expect(Fixture.findings(.sec4, facts).isEmpty)
    }

    @Test("a rule on the customer's own subnet that blocks required egress is a finding")
    func customerSubnetBlockingEgress() {
        var facts = Fixture.healthy()
        facts.securityRules.append(
            SecurityRuleFacts(
                name: "deny-out", nsg: "my-nsg", placement: .customerSubnet("my-subnet"), blockedRequiredEgress: ["mcr.microsoft.com:443"]))
        #expect(
            Fixture.findings(.sec4, facts).map(\.reason) == [
                "rule deny-out on NSG my-nsg (customer subnet my-subnet) blocks required egress to mcr.microsoft.com:443"
            ])
    }
}
