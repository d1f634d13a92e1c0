import Core
import Foundation
import KubeAPI
import NodeAgent
import Testing

@Suite struct HeartbeatTests {
    @Test("ticks renew the Lease only when 10 s of service time have passed")
    func renewsWhenDue() async throws {
        try await NodeAgentFixture.with { fixture in
            let name = NodeAgentFixture.spec(0).name
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            let first = try await fixture.lease(name)

            await fixture.advance(5)
            let early = try await fixture.lease(name)
            #expect(
                early[path: ["metadata", "resourceVersion"]]
                    == first[path: ["metadata", "resourceVersion"]])
            #expect(early[path: ["spec", "renewTime"]] == first[path: ["spec", "renewTime"]])

            await fixture.advance(5)
            let renewed = try await fixture.lease(name)
            #expect(
                renewed[path: ["metadata", "resourceVersion"]]
                    != first[path: ["metadata", "resourceVersion"]])
            let before = try #require(
                first[path: ["spec", "renewTime"]]?.stringValue.flatMap(ObjectMeta.parseTimestamp))
            let after = try #require(
                renewed[path: ["spec", "renewTime"]]?.stringValue.flatMap(ObjectMeta.parseTimestamp))
            #expect(after.timeIntervalSince(before) == 10)
            #expect(await fixture.host.writeCounts.leaseRenewals == 2)
        }
    }

    @Test("a 30-day clock jump costs one Lease renewal and one status post per node")
    func clockJump() async throws {
        try await NodeAgentFixture.with { fixture in
            let specs = (0..<3).map { NodeAgentFixture.spec($0) }
            await fixture.host.sync(specs)
            let before = await fixture.host.writeCounts
            let timersBefore = fixture.clock.pendingTimers

            await fixture.clock.advance(by: 30 * 86_400)
            let revision = try await fixture.revision()
            await fixture.host.tick()
            let writes = try await fixture.revision() - revision
            let after = await fixture.host.writeCounts

            #expect(after.leaseRenewals - before.leaseRenewals == 3)
            #expect(after.statusPosts - before.statusPosts == 3)
            #expect(writes == 6)  // three Leases and three node statuses, nothing else
            #expect(fixture.clock.pendingTimers == timersBefore)  // agents never sleep on the clock
            for spec in specs {
                let renewTime = try await fixture.lease(spec.name)[path: ["spec", "renewTime"]]?.stringValue
                    .flatMap(ObjectMeta.parseTimestamp)
                #expect(renewTime.map { abs($0.timeIntervalSince(fixture.clock.now())) < 1 } == true)
            }
        }
    }

    @Test("status is posted when conditions change or every 5 minutes, not on every tick")
    func statusFrequency() async throws {
        try await NodeAgentFixture.with { fixture in
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            let posts = await fixture.host.writeCounts.statusPosts
            for _ in 0..<29 { await fixture.advance(10) }  // 290 s
            #expect(await fixture.host.writeCounts.statusPosts == posts)
            await fixture.advance(10)  // 300 s
            #expect(await fixture.host.writeCounts.statusPosts == posts + 1)
            let node = try await fixture.node(NodeAgentFixture.spec(0).name)
            let heartbeat = NodeAgentFixture.condition(node, "Ready")?["lastHeartbeatTime"]?.stringValue
                .flatMap(ObjectMeta.parseTimestamp)
            #expect(heartbeat.map { abs($0.timeIntervalSince(fixture.clock.now())) < 1 } == true)
        }
    }
}
