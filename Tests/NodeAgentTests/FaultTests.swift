import Core
import Foundation
import KubeAPI
import NodeAgent
import Testing

@Suite struct FaultTests {
    static let name = NodeAgentFixture.spec(0).name

    static func leaseAge(_ fixture: NodeAgentFixture) async throws -> TimeInterval {
        let lease = try await fixture.lease(name)
        let renewed = try #require(
            lease[path: ["spec", "renewTime"]]?.stringValue.flatMap(ObjectMeta.parseTimestamp))
        return fixture.clock.now().timeIntervalSince(renewed)
    }

    static func ready(_ fixture: NodeAgentFixture) async throws -> JSON? {
        NodeAgentFixture.condition(try await fixture.node(name), "Ready")
    }

    @Test(
        "a silent fault stops heartbeats and status until cleared",
        arguments: [NodeFault.kubeletStopped, .vmPoweredOff])
    func silent(fault: NodeFault) async throws {
        try await NodeAgentFixture.with { fixture async throws in
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            await fixture.host.inject(fault, node: Self.name)
            #expect(await fixture.host.faults(node: Self.name) == [fault])
            let before = await fixture.host.writeCounts
            for _ in 0..<6 { await fixture.advance(10) }
            #expect(try await Self.leaseAge(fixture) >= 60)  // stale: past leaseDurationSeconds 40
            #expect(await fixture.host.writeCounts == before)
            #expect(await fixture.host.readyNodes == 0)

            await fixture.host.clear(fault, node: Self.name)
            await fixture.advance(1)
            #expect(try await Self.leaseAge(fixture) < 1)
            #expect(try await Self.ready(fixture)?["status"] == "True")
            #expect(await fixture.host.readyNodes == 1)
        }
    }

    @Test("containerd down: NotReady with the runtime's message, new pods stay ContainerCreating")
    func containerdDown() async throws {
        try await NodeAgentFixture.with { fixture async throws in
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            await fixture.host.start()
            await fixture.host.inject(.containerdDown, node: Self.name)
            await fixture.advance(1)
            let ready = try #require(try await Self.ready(fixture))
            #expect(
                ready["status"] == "False"
                    && ready["message"]?.stringValue?.contains("container runtime is down") == true)
            #expect(
                NodeAgentFixture.condition(try await fixture.node(Self.name), "ContainerRuntimeProblem")?[
                    "status"] == "True")
            #expect(try await Self.leaseAge(fixture) < 11)  // the kubelet itself still heartbeats

            _ = try await fixture.admin.create(
                .pods, namespace: "default", NodeAgentFixture.pod("stuck", node: Self.name))
            try await eventually("stuck ContainerCreating") {
                let pod = try await fixture.admin.get(.pods, namespace: "default", "stuck")
                return pod[path: ["status", "containerStatuses"]]?.arrayValue?.first?[path: [
                    "state", "waiting", "reason",
                ]] == "ContainerCreating"
            }
            await fixture.advance(10)
            #expect(
                try await fixture.admin.get(.pods, namespace: "default", "stuck")[path: ["status", "phase"]]
                    == "Pending")

            await fixture.host.clear(.containerdDown, node: Self.name)
            await fixture.advance(1)
            #expect(try await Self.ready(fixture)?["status"] == "True")
            #expect(
                try await fixture.admin.get(.pods, namespace: "default", "stuck")[path: ["status", "phase"]]
                    == "Running")
        }
    }

    @Test("node NotReady: the kubelet posts Ready=False KubeletNotReady, Ready again when cleared")
    func notReady() async throws {
        try await NodeAgentFixture.with { fixture async throws in
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            let readySince = try await Self.ready(fixture)?["lastTransitionTime"]
            await fixture.host.inject(.nodeNotReady, node: Self.name)
            await fixture.advance(1)
            let notReady = try #require(try await Self.ready(fixture))
            #expect(notReady["status"] == "False" && notReady["reason"] == "KubeletNotReady")
            #expect(notReady["lastTransitionTime"] != readySince)
            #expect(await fixture.host.readyNodes == 0)

            await fixture.host.clear(.nodeNotReady, node: Self.name)
            await fixture.advance(1)
            #expect(try await Self.ready(fixture)?["status"] == "True")
            #expect(await fixture.host.readyNodes == 1)
        }
    }

    @Test("network tunnel down: the node stays Ready and reports NetworkTunnelUnavailable")
    func tunnelDown() async throws {
        try await NodeAgentFixture.with { fixture async throws in
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            await fixture.host.inject(.networkTunnelDown, node: Self.name)
            await fixture.advance(1)
            let node = try await fixture.node(Self.name)
            #expect(NodeAgentFixture.condition(node, "Ready")?["status"] == "True")
            let tunnel = try #require(NodeAgentFixture.condition(node, NodeConditions.tunnelCondition))
            #expect(tunnel["status"] == "True" && tunnel["reason"] == "KonnectivityAgentDisconnected")

            await fixture.host.clear(.networkTunnelDown, node: Self.name)
            await fixture.advance(1)
            #expect(
                NodeAgentFixture.condition(
                    try await fixture.node(Self.name), NodeConditions.tunnelCondition)?["status"] == "False")
        }
    }
}
