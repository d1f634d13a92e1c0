import Core
import Foundation
import KubeAPI
import NodeAgent
import Testing

@Suite struct PodStageTests {
    static func phase(_ fixture: NodeAgentFixture, _ name: String) async throws -> String? {
        try await fixture.admin.find(.pods, namespace: "default", name)?[path: ["status", "phase"]]?
            .stringValue
    }

    @Test("a pod bound to my node becomes Running and Ready through the watch, without ticks")
    func podRuns() async throws {
        try await NodeAgentFixture.with { fixture in
            let node = NodeAgentFixture.spec(0).name
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            await fixture.host.start()
            _ = try await fixture.admin.create(
                .pods, namespace: "default", NodeAgentFixture.pod("web", node: node))
            try await eventually("web Running") { try await Self.phase(fixture, "web") == "Running" }

            let pod = try await fixture.admin.get(.pods, namespace: "default", "web")
            #expect(pod[path: ["status", "podIP"]] == "10.244.0.2")
            #expect(pod[path: ["status", "hostIP"]] == "10.224.0.4")
            #expect(pod[path: ["status", "startTime"]]?.stringValue != nil)
            let conditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
            for type in ["PodScheduled", "Initialized", "ContainersReady", "Ready"] {
                #expect(
                    conditions.first { $0["type"]?.stringValue == type }?["status"] == "True", "\(type)")
            }
            let container = try #require(pod[path: ["status", "containerStatuses"]]?.arrayValue?.first)
            #expect(
                container["ready"] == true && container["started"] == true
                    && container[path: ["state", "running", "startedAt"]]?.stringValue != nil)
            #expect(container["containerID"]?.stringValue?.hasPrefix("containerd://") == true)
            #expect(await fixture.host.writeCounts.podStatusWrites == 2)  // ContainerCreating, then Running
        }
    }

    @Test("a DaemonSet's pod (POLICY N12) and a host-network pod go through the same stages")
    func daemonSetPod() async throws {
        try await NodeAgentFixture.with { fixture in
            let node = NodeAgentFixture.spec(0).name
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            await fixture.host.start()
            var pod = NodeAgentFixture.pod("tuner-abcde", node: node, initContainers: true)
            pod[path: ["metadata", "ownerReferences"]] = [
                ["apiVersion": "apps/v1", "kind": "DaemonSet", "name": "tuner", "uid": "ds-uid", "controller": true]
            ]
            pod[path: ["spec", "hostNetwork"]] = true
            _ = try await fixture.admin.create(.pods, namespace: "default", pod)
            try await eventually("tuner Running") { try await Self.phase(fixture, "tuner-abcde") == "Running" }
            let running = try await fixture.admin.get(.pods, namespace: "default", "tuner-abcde")
            #expect(running[path: ["status", "podIP"]] == "10.224.0.4")  // host network: the node's address
            #expect(running[path: ["status", "initContainerStatuses"]]?.arrayValue?.first?[path: ["state", "terminated", "reason"]] == "Completed")
        }
    }

    @Test("init containers complete first; pods of other nodes are left alone")
    func initContainers() async throws {
        try await NodeAgentFixture.with { fixture in
            let node = NodeAgentFixture.spec(0).name
            await fixture.host.start()
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            _ = try await fixture.admin.create(
                .pods, namespace: "default", NodeAgentFixture.pod("other", node: "somebody-elses-node"))
            _ = try await fixture.admin.create(
                .pods, namespace: "default", NodeAgentFixture.pod("setup", node: node, initContainers: true)
            )
            try await eventually("setup Running") { try await Self.phase(fixture, "setup") == "Running" }
            let pod = try await fixture.admin.get(.pods, namespace: "default", "setup")
            let initStatus = try #require(
                pod[path: ["status", "initContainerStatuses"]]?.arrayValue?.first)
            #expect(initStatus[path: ["state", "terminated", "reason"]] == "Completed")
            #expect(initStatus[path: ["state", "terminated", "exitCode"]] == 0)
            let other = try await fixture.admin.get(.pods, namespace: "default", "other")
            #expect(
                other[path: ["status", "phase"]] == "Pending"
                    && other[path: ["status", "containerStatuses"]] == JSON?.none)
        }
    }

    @Test("pods already bound when the agent registers are started by the registration")
    func existingPods() async throws {
        try await NodeAgentFixture.with { fixture in
            let node = NodeAgentFixture.spec(0).name
            _ = try await fixture.admin.create(
                .pods, namespace: "default", NodeAgentFixture.pod("early", node: node))
            await fixture.host.start()
            try await eventually("the watch indexed the pod") { await fixture.host.indexedPods == 1 }
            #expect(try await Self.phase(fixture, "early") == "Pending")
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            #expect(try await Self.phase(fixture, "early") == "Running")
        }
    }

    @Test(
        "a terminating pod has its containers stopped and is deleted with grace 0; its IP is reused")
    func termination() async throws {
        try await NodeAgentFixture.with { fixture in
            let node = NodeAgentFixture.spec(0).name
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            await fixture.host.start()
            _ = try await fixture.admin.create(
                .pods, namespace: "default", NodeAgentFixture.pod("held", node: node, finalizer: true))
            try await eventually("held Running") { try await Self.phase(fixture, "held") == "Running" }
            // Graceful deletion: the pod stays with a deletionTimestamp (here held by a finalizer).
            try await fixture.admin.delete(.pods, namespace: "default", "held")
            try await eventually("held stopped") { try await Self.phase(fixture, "held") == "Succeeded" }
            let held = try await fixture.admin.get(.pods, namespace: "default", "held")
            let state = held[path: ["status", "containerStatuses"]]?.arrayValue?.first?[path: [
                "state", "terminated", "reason",
            ]]
            #expect(state == "Completed")
            try await eventually("the agent deleted it") {
                await fixture.host.writeCounts.podDeletes >= 1
            }

            var released = held
            released[path: ["metadata", "finalizers"]] = nil
            _ = try await fixture.admin.update(.pods, namespace: "default", released)
            try await eventually("held gone") {
                try await fixture.admin.find(.pods, namespace: "default", "held") == JSON?.none
            }

            _ = try await fixture.admin.create(
                .pods, namespace: "default", NodeAgentFixture.pod("next", node: node))
            try await eventually("next Running") { try await Self.phase(fixture, "next") == "Running" }
            let next = try await fixture.admin.get(.pods, namespace: "default", "next")
            #expect(next[path: ["status", "podIP"]] == "10.244.0.2")
        }
    }

    @Test("with a start delay, a pod stays ContainerCreating until a tick after the delay")
    func delayedStart() async throws {
        try await NodeAgentFixture.with(settings: NodeAgentSettings(podStartDelay: 3)) { fixture in
            let node = NodeAgentFixture.spec(0).name
            await fixture.host.sync([NodeAgentFixture.spec(0)])
            await fixture.host.start()
            _ = try await fixture.admin.create(
                .pods, namespace: "default", NodeAgentFixture.pod("slow", node: node))
            try await eventually("slow ContainerCreating") {
                let pod = try await fixture.admin.get(.pods, namespace: "default", "slow")
                return pod[path: ["status", "containerStatuses"]]?.arrayValue?.first?[path: [
                    "state", "waiting", "reason",
                ]] == "ContainerCreating"
            }
            await fixture.advance(2)
            #expect(try await Self.phase(fixture, "slow") == "Pending")
            await fixture.advance(1)
            #expect(try await Self.phase(fixture, "slow") == "Running")
        }
    }
}
