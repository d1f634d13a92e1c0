import Foundation
import Policy
import Testing

@Suite("Versions and features (N9, F1, F2)")
struct VersionAndFeatureRuleTests {
    @Test("a version past its end of support is an N9 finding from that instant on")
    func outOfSupport() throws {
        let facts = Fixture.healthy()
        #expect(Fixture.findings(.n9, facts, now: Fixture.days(-1, after: Fixture.versionEnd)).isEmpty)
        let finding = try #require(Fixture.findings(.n9, facts, now: Fixture.versionEnd).first)
        #expect(
            finding.reason
                == "Kubernetes 1.34.2 reached end of support on 2027-05-31; the control plane may be archived from 2027-06-30 (L4)")
        #expect(finding.severity == .unsupported)
        #expect(finding.firstSeen == Fixture.versionEnd)
    }

    @Test("an N9 finding keeps its first-seen time and disappears after an upgrade")
    func upgradeClears() {
        var facts = Fixture.healthy()
        let first = Fixture.findings(.n9, facts, now: Fixture.versionEnd)
        let later = Fixture.findings(.n9, facts, previous: first, now: Fixture.days(10, after: Fixture.versionEnd))
        #expect(later.first?.firstSeen == Fixture.versionEnd)
        facts.kubernetesVersion = KubernetesVersionFacts(version: "1.35.1", endOfSupport: Fixture.days(120, after: Fixture.versionEnd))
        #expect(Fixture.findings(.n9, facts, previous: later, now: Fixture.days(11, after: Fixture.versionEnd)).isEmpty)
    }

    @Test("a version the catalog does not know is out of support")
    func unknownVersion() {
        var facts = Fixture.healthy()
        facts.kubernetesVersion = KubernetesVersionFacts(version: "1.29.0", endOfSupport: nil)
        #expect(Fixture.findings(.n9, facts).map(\.reason) == ["Kubernetes 1.29.0 is not in the provider's version catalog"])
    }

    @Test("an alpha feature is an F1 finding that makes the cluster unsupported")
    func alpha() {
        var facts = Fixture.healthy()
        facts.alphaFeatures = ["InPlacePodVerticalScaling"]
        let findings = Fixture.findings(.f1, facts)
        #expect(findings.map(\.reason) == ["alpha feature InPlacePodVerticalScaling is enabled on cluster prod"])
        #expect(findings.map(\.severity) == [.unsupported])
        facts.alphaFeatures = []
        #expect(Fixture.findings(.f1, facts, previous: findings).isEmpty)
    }

    @Test("a preview feature is an F2 finding with best-effort severity, first seen kept")
    func preview() {
        var facts = Fixture.healthy()
        facts.previewFeatures = ["NodeAutoProvisioningPreview"]
        let first = Fixture.findings(.f2, facts)
        #expect(first.map(\.reason) == ["preview feature NodeAutoProvisioningPreview is in use on cluster prod"])
        #expect(first.map(\.severity) == [.bestEffort])
        #expect(Fixture.findings(.f2, facts, previous: first, now: Fixture.days(4)).first?.firstSeen == Fixture.t0)
        facts.previewFeatures = []
        #expect(Fixture.findings(.f2, facts, previous: first).isEmpty)
    }
}
