import Policy
import Testing

/// SEC4: which NSG rules block the outbound traffic nodes need.
@Suite struct RequiredEgressTests {
    func rule(
        _ name: String, _ priority: Int, access: String = "Deny", direction: String = "Outbound", proto: String = "*",
        to prefixes: [String] = ["*"], ports: [String] = ["*"]
    ) -> RequiredEgress.Rule {
        RequiredEgress.Rule(name: name, priority: priority, direction: direction, access: access, proto: proto, destinationPrefixes: prefixes, destinationPorts: ports)
    }

    @Test("a deny-all outbound rule blocks every required endpoint")
    func denyAll() {
        let blocked = RequiredEgress.blocked(by: [rule("deny-all", 4000)])
        #expect(blocked["deny-all"]?.count == RequiredEgress.endpoints.count)
    }

    @Test("inbound rules, narrower CIDRs and other ports block nothing")
    func harmless() {
        let rules = [
            rule("inbound", 100, direction: "Inbound"),
            rule("cidr", 110, to: ["10.1.0.0/16"]),
            rule("ssh", 120, proto: "Tcp", ports: ["22"]),
            rule("allow-web", 130, access: "Allow", ports: ["80", "443"]),
        ]
        #expect(RequiredEgress.blocked(by: rules).isEmpty)
    }

    @Test("a deny on TCP 443 to Internet blocks the HTTPS endpoints but not NTP or the UDP tunnel")
    func https() throws {
        let blocked = try #require(RequiredEgress.blocked(by: [rule("no-https", 200, proto: "Tcp", to: ["Internet"], ports: ["400-500"])])["no-https"])
        #expect(blocked.contains("mcr.microsoft.com:443"))
        #expect(blocked.contains("API server (TCP 443)"))
        #expect(!blocked.contains("NTP (UDP 123)"))
        #expect(!blocked.contains("API server tunnel (UDP 1194)"))
    }

    @Test("an allow with a lower priority number wins over a later deny, as Azure evaluates rules")
    func priorityOrder() {
        let allowed = RequiredEgress.blocked(by: [rule("allow-all", 100, access: "Allow"), rule("deny-all", 200)])
        #expect(allowed.isEmpty)
        let denied = RequiredEgress.blocked(by: [rule("allow-all", 300, access: "Allow"), rule("deny-all", 200)])
        #expect(denied["deny-all"]?.isEmpty == false)
    }

    @Test("a service tag, or its regional form, covers the endpoints it contains")
    func serviceTags() {
        let blocked = RequiredEgress.blocked(by: [rule("no-acr", 150, to: ["MicrosoftContainerRegistry.westeurope"], ports: ["443"])])
        #expect(blocked["no-acr"] == ["mcr.microsoft.com:443"])
    }
}
