import Foundation
import Policy
import Testing

@Suite("Stopped, deallocated and idle clusters as findings (L1, L2, L3, L5)")
struct LifecycleFindingTests {
    static func allDeallocatedThroughIaaS() -> ClusterFacts {
        var facts = Fixture.healthy()
        for i in facts.pools[0].instances.indices {
            facts.pools[0].instances[i].powerState = .deallocated
            facts.pools[0].instances[i].outOfBand = [.deallocated]
        }
        return facts
    }

    @Test("all nodes deallocated through IaaS is an L2 finding alongside the N3 ones")
    func l2() throws {
        let facts = Self.allDeallocatedThroughIaaS()
        let all = SupportPolicy.evaluate(facts, previous: [], now: Fixture.t0)
        let finding = try #require(all.first { $0.clause == .l2 })
        #expect(
            finding.reason
                == "all 3 VMs of cluster prod deallocated through IaaS instead of stopping the cluster; the service stops it 30 days after this was first seen"
        )
        #expect(finding.severity == .unsupported)
        #expect(all.filter { $0.clause == .n3 }.count == 3)
    }

    @Test("the L2 finding keeps its first-seen time and disappears once a VM runs again")
    func l2Persistence() {
        var facts = Self.allDeallocatedThroughIaaS()
        let first = Fixture.findings(.l2, facts)
        let later = Fixture.findings(.l2, facts, previous: first, now: Fixture.days(12))
        #expect(later.first?.firstSeen == Fixture.t0)
        facts.pools[0].instances[1].powerState = .running
        #expect(Fixture.findings(.l2, facts, previous: later, now: Fixture.days(13)).isEmpty)
    }

    @Test("a cluster stopped through the service is not L2 but an L1 notice with its deletion date")
    func stoppedThroughService() {
        var facts = Fixture.healthy()
        facts.stoppedSince = Fixture.t0
        for i in facts.pools[0].instances.indices { facts.pools[0].instances[i].powerState = .deallocated }
        #expect(Fixture.findings(.l2, facts).isEmpty)
        let l1 = Fixture.findings(.l1, facts)
        #expect(l1.map(\.reason) == ["cluster prod stopped since 2026-11-01; it is deleted with all its resources on 2027-11-01"])
        #expect(l1.map(\.severity) == [.notice])
        facts.stoppedSince = nil
        #expect(Fixture.findings(.l1, facts, previous: l1).isEmpty)
    }

    @Test("no Ready node and no running VM is an L3 notice with the stop date; a running VM clears it")
    func l3() {
        var facts = Fixture.healthy()
        facts.zeroReadyNodesSince = Fixture.t0
        for i in facts.pools[0].instances.indices { facts.pools[0].instances[i].powerState = .stopped }
        let first = Fixture.findings(.l3, facts, now: Fixture.days(2))
        #expect(
            first.map(\.reason) == ["cluster prod has had no Ready node and no running VM since 2026-11-01; it is stopped on 2026-12-01"])
        #expect(first.map(\.severity) == [.notice])
        facts.pools[0].instances[0].powerState = .running
        #expect(Fixture.findings(.l3, facts, previous: first, now: Fixture.days(3)).isEmpty)
    }

    @Test("a suspended or deleted subscription is an L5 notice")
    func l5() {
        var facts = Fixture.healthy()
        facts.subscription = .suspended(since: Fixture.t0)
        #expect(
            Fixture.findings(.l5, facts).map(\.reason) == [
                "subscription suspended since 2026-11-01: cluster prod is stopped and is deleted on 2027-01-30"
            ])
        facts.subscription = .deleted(since: Fixture.t0)
        #expect(Fixture.findings(.l5, facts).map(\.reason) == ["subscription deleted on 2026-11-01: cluster prod is deleted"])
        facts.subscription = .registered
        #expect(Fixture.findings(.l5, facts).isEmpty)
    }
}
