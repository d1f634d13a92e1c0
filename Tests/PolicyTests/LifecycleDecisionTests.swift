import Foundation
import Policy
import Testing

@Suite("Lifecycle decisions (L1-L5)")
struct LifecycleDecisionTests {
    let policy = LifecyclePolicy.standard

    /// Evaluates at `t0` (first seen), then again at `now` carrying the findings forward.
    func decide(_ facts: ClusterFacts, at now: Date) -> [LifecycleDecision] {
        let first = SupportPolicy.evaluate(facts, previous: [], now: Fixture.t0)
        let findings = SupportPolicy.evaluate(facts, previous: first, now: now)
        return policy.decisions(facts: facts, findings: findings, now: now)
    }

    @Test("the policy's day counts are data")
    func counts() {
        #expect(policy.stoppedRetentionMonths == 12)
        #expect(policy.deallocatedStopDays == 30)
        #expect(policy.zeroReadyStopDays == 30)
        #expect(policy.outOfSupportArchiveDays == 30)
        #expect(policy.suspendedDeleteDays == 90)
    }

    @Test("L2: no stop 29 days after all nodes were deallocated through IaaS, a stop at day 30")
    func l2Boundary() {
        let facts = LifecycleFindingTests.allDeallocatedThroughIaaS()
        #expect(decide(facts, at: Fixture.days(29)).isEmpty)
        #expect(decide(facts, at: Fixture.days(30) - 1).isEmpty)
        let decisions = decide(facts, at: Fixture.days(30))
        #expect(decisions.map(\.action) == [.stopCluster])
        #expect(decisions.first?.clause == .l2)
        #expect(decisions.first?.due == Fixture.days(30))
    }

    @Test("L2 counts from first seen, not from the evaluation")
    func l2FromFirstSeen() {
        let facts = LifecycleFindingTests.allDeallocatedThroughIaaS()
        // Without the previous findings the finding is first seen now: no stop yet.
        let fresh = SupportPolicy.evaluate(facts, previous: [], now: Fixture.days(40))
        #expect(policy.decisions(facts: facts, findings: fresh, now: Fixture.days(40)).isEmpty)
    }

    @Test("L3: stopped 30 days after the cluster lost its last Ready node and running VM")
    func l3() {
        var facts = Fixture.healthy()
        facts.zeroReadyNodesSince = Fixture.t0
        for i in facts.pools[0].instances.indices { facts.pools[0].instances[i].powerState = .stopped }
        #expect(decide(facts, at: Fixture.days(29)).isEmpty)
        #expect(decide(facts, at: Fixture.days(30)).map(\.clause) == [.l3])
    }

    @Test("L1: a stopped cluster is deleted after 12 months, not before")
    func l1() {
        var facts = Fixture.healthy()
        facts.stoppedSince = Fixture.t0
        facts.kubernetesVersion.endOfSupport = Fixture.days(1_000)  // keep L4 out of the way
        let deletion = policy.adding(months: 12, to: Fixture.t0)
        #expect(decide(facts, at: deletion - 1).isEmpty)
        #expect(decide(facts, at: deletion).map(\.action) == [.deleteCluster])
        #expect(decide(facts, at: deletion).map(\.clause) == [.l1])
    }

    @Test("L4: the control plane is archived 30 days after end of support, once")
    func l4() {
        var facts = Fixture.healthy()
        let archive = Fixture.days(30, after: Fixture.versionEnd)
        let first = SupportPolicy.evaluate(facts, previous: [], now: Fixture.versionEnd)
        #expect(policy.decisions(facts: facts, findings: first, now: archive - 1).isEmpty)
        let decisions = policy.decisions(facts: facts, findings: first, now: archive)
        #expect(decisions.map(\.action) == [.archiveControlPlane])
        #expect(decisions.map(\.clause) == [.l4])
        facts.controlPlaneArchived = true
        #expect(policy.decisions(facts: facts, findings: first, now: archive).isEmpty)
    }

    @Test("L5: a suspended subscription stops the cluster at once and deletes it after 90 days")
    func l5Suspended() {
        var facts = Fixture.healthy()
        facts.subscription = .suspended(since: Fixture.t0)
        #expect(decide(facts, at: Fixture.t0).map(\.action) == [.stopCluster])
        facts.stoppedSince = Fixture.t0
        #expect(decide(facts, at: Fixture.days(89)).isEmpty)
        let deletion = decide(facts, at: Fixture.days(90))
        #expect(deletion.map(\.action) == [.deleteCluster])
        #expect(deletion.map(\.clause) == [.l5])
    }

    @Test("L5: a deleted subscription deletes the cluster at once, superseding any stop")
    func l5Deleted() {
        var facts = LifecycleFindingTests.allDeallocatedThroughIaaS()
        facts.subscription = .deleted(since: Fixture.t0)
        #expect(decide(facts, at: Fixture.days(31)).map(\.action) == [.deleteCluster])
        #expect(decide(facts, at: Fixture.days(31)).map(\.clause) == [.l5])
    }

    @Test("a healthy running cluster on a supported version has no lifecycle actions")
    func healthy() {
        #expect(decide(Fixture.healthy(), at: Fixture.days(200)).isEmpty)
    }
}
