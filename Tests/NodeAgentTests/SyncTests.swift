import Core
import Foundation
import KubeAPI
import NodeAgent
import Testing

@Suite struct SyncTests {
    @Test("a node removed from sync stops renewing; its Node object stays")
    func removalStopsRenewing() async throws {
        try await NodeAgentFixture.with { fixture async throws in
            let kept = NodeAgentFixture.spec(0)
            let removed = NodeAgentFixture.spec(1)
            await fixture.host.sync([kept, removed])
            await fixture.host.sync([kept])
            let renewedAt = try await fixture.lease(removed.name)[path: ["spec", "renewTime"]]
            for _ in 0..<6 { await fixture.advance(10) }
            #expect(try await fixture.lease(removed.name)[path: ["spec", "renewTime"]] == renewedAt)
            #expect(try await fixture.lease(kept.name)[path: ["spec", "renewTime"]] != renewedAt)
            #expect(try await fixture.admin.find(.nodes, removed.name) != JSON?.none)
            #expect(await fixture.host.nodeNames == [kept.name])
        }
    }

    @Test("syncing a node again re-registers it: the same Node updated, a new boot id, a fresh Lease")
    func reregisters() async throws {
        try await NodeAgentFixture.with { fixture async throws in
            let spec = NodeAgentFixture.spec(0)
            await fixture.host.sync([spec])
            let first = try await fixture.node(spec.name)
            await fixture.host.sync([])
            for _ in 0..<6 { await fixture.advance(10) }

            var upgraded = spec
            upgraded.nodeImageVersion = "AKSUbuntu-2204gen2containerd-202611.17.0"
            await fixture.host.sync([upgraded])
            let again = try await fixture.node(spec.name)
            #expect(again[path: ["metadata", "uid"]] == first[path: ["metadata", "uid"]])
            #expect(again[path: ["spec", "podCIDR"]] == first[path: ["spec", "podCIDR"]])
            #expect(
                again[path: ["status", "nodeInfo", "bootID"]]
                    != first[path: ["status", "nodeInfo", "bootID"]])
            #expect(
                ObjectMeta.labels(again)["kubernetes.azure.com/node-image-version"]
                    == "AKSUbuntu-2204gen2containerd-202611.17.0")
            #expect(try await fixture.admin.list(.nodes).items.count == 1)
            let renewTime = try await fixture.lease(spec.name)[path: ["spec", "renewTime"]]?.stringValue
                .flatMap(ObjectMeta.parseTimestamp)
            #expect(renewTime.map { abs($0.timeIntervalSince(fixture.clock.now())) < 1 } == true)
        }
    }

    @Test(
        "a customer's label on the Node survives re-registration; the agent keeps its pod CIDR after a host restart"
    )
    func keepsCustomerChanges() async throws {
        try await NodeAgentFixture.with { fixture async throws in
            let specs = [NodeAgentFixture.spec(0), NodeAgentFixture.spec(1)]
            await fixture.host.sync(specs)
            var node = try await fixture.node(specs[1].name)
            node[path: ["metadata", "labels", "owner"]] = "alice"
            _ = try await fixture.admin.update(.nodes, node)

            // A new host (the service restarted) learns the CIDRs already handed out.
            let restarted = NodeAgentHost(plane: fixture.plane)
            await restarted.sync([specs[1], NodeAgentFixture.spec(2)])
            let again = try await fixture.node(specs[1].name)
            #expect(ObjectMeta.labels(again)["owner"] == "alice")
            #expect(again[path: ["spec", "podCIDR"]] == "10.244.1.0/24")
            #expect(
                try await fixture.node(NodeAgentFixture.spec(2).name)[path: ["spec", "podCIDR"]]
                    == "10.244.2.0/24")
        }
    }

    @Test("registering 100 nodes on one host")
    func hundredNodes() async throws {
        try await NodeAgentFixture.with { fixture async throws in
            let specs = (0..<100).map { NodeAgentFixture.spec($0, pool: "bench", mode: .user) }
            let started = ContinuousClock.now
            await fixture.host.sync(specs)
            let elapsed = ContinuousClock.now - started
            #expect(await fixture.host.readyNodes == 100)
            #expect(
                try await fixture.admin.list(.leases, namespace: "kube-node-lease").items.count == 100)
            await fixture.advance(10)
            #expect(await fixture.host.writeCounts.leaseRenewals == 200)
            print("registered 100 nodes in \(elapsed)")
        }
    }
}
