import Foundation
import Testing
import TestSupport

@Suite("Long-running operations")
struct OperationTests {
    @Test("a second change while an operation runs is a 409 OperationNotAllowed")
    func conflict() async throws {
        try await TestService.run(stepSeconds: 30) { service in
            let token = try await service.token(for: [Fixtures.subscription])
            let first = try await service.call(.put, Fixtures.clusterURL("c1"), token: token, body: Fixtures.clusterBody())
            #expect(first.status == 201)
            let second = try await service.call(.put, Fixtures.clusterURL("c1"), token: token, body: Fixtures.clusterBody(count: 4))
            #expect(second.status == 409)
            #expect(second.errorCode == "OperationNotAllowed")
            let stop = try await service.call(.post, "\(Fixtures.clusterPath("c1"))/stop?\(Fixtures.version)", token: token)
            #expect(stop.status == 409)
            let result = try await service.waitForOperation(first.header("Azure-AsyncOperation")!, token: token, step: 30)
            #expect(result["status"] as? String == "Succeeded")
        }
    }

    @Test("an accepted operation survives a restart and completes afterwards")
    func resumeAfterRestart() async throws {
        let directory = TestService.temporaryDirectory()
        let (statusURL, token) = try await TestService.run(dataDirectory: directory, stepSeconds: 60) { service in
            let token = try await service.token(for: [Fixtures.subscription])
            let reply = try await service.call(.put, Fixtures.clusterURL("c1"), token: token, body: Fixtures.clusterBody())
            #expect(reply.status == 201)
            return (reply.header("Azure-AsyncOperation")!, token)
        }
        try await TestService.run(dataDirectory: directory, stepSeconds: 60) { service in
            let before = try await service.call(.get, TestService.pathAndQuery(statusURL), token: token)
            #expect(before.json["status"] as? String == "InProgress")
            // Same data dir, same replica id: the restarted service resumes its operation at once.
            let result = try await service.waitForOperation(statusURL, token: token, step: 20)
            #expect(result["status"] as? String == "Succeeded")
            let cluster = try await service.call(.get, Fixtures.clusterURL("c1"), token: token)
            #expect((cluster.json["properties"] as? [String: Any])?["provisioningState"] as? String == "Succeeded")
        }
    }

    @Test("the simulated clock advances through the admin API")
    func clockAdvance() async throws {
        try await TestService.run { service in
            let before = try await service.call(.get, "/admin/clock", token: service.adminToken).json["now"] as? String
            let reply = try await service.call(.post, "/admin/clock:advance", token: service.adminToken, body: #"{"seconds":86400}"#)
            #expect(reply.status == 200)
            let after = reply.json["now"] as? String
            let format = ISO8601DateFormatter()
            format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let delta = try #require(format.date(from: after ?? "")).timeIntervalSince(try #require(format.date(from: before ?? "")))
            #expect(abs(delta - 86_400) < 1)
            let negative = try await service.call(.post, "/admin/clock:advance", token: service.adminToken, body: #"{"seconds":-5}"#)
            #expect(negative.status == 400)
        }
    }

    @Test("metrics report requests and operations in Prometheus text")
    func metrics() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            try await service.createCluster("c1", token: token)
            let reply = try await service.call(.get, "/metrics", token: nil)
            let text = String(decoding: reply.body, as: UTF8.self)
            #expect(text.contains(#"hm_http_requests_total{route="managedClusters/put",method="PUT",status="201"} 1"#))
            #expect(text.contains("hm_http_request_duration_seconds_bucket"))
            #expect(text.contains(#"hm_operations{kind="createOrUpdateCluster",state="Succeeded"} 1"#))
            #expect(reply.header("x-ms-request-id") != nil)
        }
    }
}
