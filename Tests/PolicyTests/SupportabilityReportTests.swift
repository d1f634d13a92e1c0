import Foundation
import Policy
import Testing

@Suite("The supportability report (SUP4)")
struct SupportabilityReportTests {
    func finding(_ clause: ClauseID, _ severity: Severity, remedy: String = "fix it", day: Double = 0) -> Finding {
        Finding(clause: clause, subject: "s", reason: "r", firstSeen: Fixture.days(day), severity: severity, remedy: remedy)
    }

    @Test("no findings means Supported")
    func supported() {
        let report = SupportabilityReport(findings: [])
        #expect(report.status == .supported)
        #expect(report.status.rawValue == "Supported")
        #expect(report.remedies.isEmpty)
    }

    @Test("notices alone leave the cluster Supported")
    func notices() {
        #expect(SupportabilityReport(findings: [finding(.l1, .notice)]).status == .supported)
    }

    @Test("a preview feature makes it BestEffort")
    func bestEffort() {
        let report = SupportabilityReport(findings: [finding(.f2, .bestEffort), finding(.l3, .notice)])
        #expect(report.status == .bestEffort)
        #expect(report.status.rawValue == "BestEffort")
    }

    @Test("any unsupported finding makes it Unsupported, whatever else is there")
    func unsupported() {
        let report = SupportabilityReport(findings: [finding(.f2, .bestEffort), finding(.sec4, .unsupported)])
        #expect(report.status == .unsupported)
        #expect(report.findings.map(\.clause) == [.sec4, .f2])
    }

    @Test("remedies are listed once each, most severe first")
    func remedies() {
        let report = SupportabilityReport(findings: [
            finding(.f2, .bestEffort, remedy: "turn off the preview"),
            finding(.n3, .unsupported, remedy: "undo", day: 1),
            finding(.n3, .unsupported, remedy: "undo", day: 0),
        ])
        #expect(report.remedies == ["undo", "turn off the preview"])
        #expect(report.findings.map(\.firstSeen) == [Fixture.days(0), Fixture.days(1), Fixture.days(0)])
    }

    @Test("drift from IaaS turns an evaluated cluster Unsupported with each clause cited")
    func endToEnd() {
        var facts = LifecycleFindingTests.allDeallocatedThroughIaaS()
        facts.pools[0].observed.extensions.append(VMExtension(name: "x", type: "Microsoft.Compute.CustomScriptExtension", version: "1.10"))
        let report = SupportabilityReport(findings: SupportPolicy.evaluate(facts, previous: [], now: Fixture.t0))
        #expect(report.status == .unsupported)
        #expect(Set(report.findings.map(\.clause)) == [.n3, .n11, .l2])
        #expect(report.remedies.count == 3)
    }
}
