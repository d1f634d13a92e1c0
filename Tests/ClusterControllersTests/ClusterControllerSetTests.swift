import ClusterControllers
import KubeAPI
import Testing

@Suite struct ClusterControllerSetTests {
    @Test("watch events alone drive the controllers, also after a stop and a start")
    func eventsWakePasses() async throws {
        try await ControllerFixture.with { fixture in
            try await fixture.addNode("node-a")
            _ = try await fixture.client.create(.pods, namespace: "default", ControllerFixture.pod("first"))
            try await fixture.until("the first pod is bound without a tick", ticking: false) {
                try await fixture.client.get(.pods, namespace: "default", "first").nodeName == "node-a"
            }
            await fixture.controllers.stop()
            #expect(await fixture.controllers.isRunning == false)
            _ = try await fixture.client.create(.pods, namespace: "default", ControllerFixture.pod("while-stopped"))
            await fixture.controllers.tick()  // a stopped set does nothing
            #expect(try await fixture.client.get(.pods, namespace: "default", "while-stopped").nodeName == nil)

            await fixture.controllers.start()
            _ = try await fixture.client.create(.pods, namespace: "default", ControllerFixture.pod("second"))
            try await fixture.until("both pods are bound without a tick", ticking: false) {
                let pods = try await fixture.pods()
                return pods.filter { $0.nodeName == "node-a" }.count == 3
            }
        }
    }
}
