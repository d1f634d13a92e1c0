import Foundation
import Testing
import TestSupport

@Suite("Bad input gets the ARM error shape and changes nothing (CP3)")
struct ValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let body: String
        let status: Int
        let code: String
        let target: String?
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "unknown property", body: Fixtures.clusterBody(extraProperties: #","fooBar":1"#), status: 400, code: "UnsupportedProperty", target: "properties.fooBar"),
        Case(label: "malformed JSON", body: #"{"location":"eastus","properties":{"#, status: 400, code: "InvalidRequestContent", target: nil),
        Case(label: "negative count", body: Fixtures.clusterBody(count: -1), status: 400, code: "InvalidParameter", target: "properties.agentPoolProfiles[0].count"),
        Case(label: "count of the wrong type", body: Fixtures.clusterBody(pools: #"[{"name":"sys","count":"three","mode":"System"}]"#), status: 400, code: "InvalidParameter", target: "properties.agentPoolProfiles[0].count"),
        Case(label: "unknown VM size", body: Fixtures.clusterBody(pools: #"[{"name":"sys","count":1,"mode":"System","vmSize":"Huge_VM"}]"#), status: 400, code: "InvalidParameter", target: "properties.agentPoolProfiles[0].vmSize"),
        Case(label: "no System pool", body: Fixtures.clusterBody(pools: #"[{"name":"work","count":1,"mode":"User"}]"#), status: 400, code: "InvalidParameter", target: "properties.agentPoolProfiles"),
        Case(label: "bad pool name", body: Fixtures.clusterBody(pools: #"[{"name":"Sys_Pool","count":1,"mode":"System"}]"#), status: 400, code: "InvalidParameter", target: "properties.agentPoolProfiles[0].name"),
        Case(label: "unsupported Kubernetes version", body: Fixtures.clusterBody(extraProperties: #","kubernetesVersion":"1.20.1""#), status: 400, code: "K8sVersionNotSupported", target: "properties.kubernetesVersion"),
        Case(label: "feature the service does not offer", body: Fixtures.clusterBody(pools: #"[{"name":"sys","count":1,"mode":"System","enableFIPS":true}]"#), status: 400, code: "InvalidParameter", target: "properties.agentPoolProfiles[0].enableFIPS"),
        Case(label: "reserved tag", body: #"{"location":"eastus","tags":{"aks-managed-x":"1"},"properties":{"agentPoolProfiles":[{"name":"sys","count":1,"mode":"System"}]}}"#, status: 400, code: "SystemMetadataProtected", target: "tags"),
        Case(label: "reserved node label", body: Fixtures.clusterBody(pools: #"[{"name":"sys","count":1,"mode":"System","nodeLabels":{"kubernetes.azure.com/mode":"x"}}]"#), status: 400, code: "SystemMetadataProtected", target: "properties.agentPoolProfiles[0].nodeLabels"),
        Case(label: "missing location", body: #"{"properties":{"agentPoolProfiles":[{"name":"sys","count":1,"mode":"System"}]}}"#, status: 400, code: "InvalidParameter", target: "location"),
    ]

    @Test("a bad create is refused with code and target, and no cluster exists afterwards", arguments: cases)
    func badCreate(_ c: Case) async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            let reply = try await service.call(.put, Fixtures.clusterURL("c1"), token: token, body: c.body)
            #expect(reply.status == c.status, "\(String(decoding: reply.body, as: UTF8.self))")
            #expect(reply.errorCode == c.code)
            if let target = c.target { #expect(reply.errorTarget == target) }
            #expect(reply.header("Retry-After") == nil)
            #expect(try await service.call(.get, Fixtures.clusterURL("c1"), token: token).status == 404)
        }
    }

    @Test("a bad update leaves the existing cluster as it was")
    func badUpdate() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            try await service.createCluster("c1", token: token)
            let before = try await service.call(.get, Fixtures.clusterURL("c1"), token: token).body
            let reply = try await service.call(.put, Fixtures.clusterURL("c1"), token: token, body: Fixtures.clusterBody(count: 2000))
            #expect(reply.status == 400)
            #expect(try await service.call(.get, Fixtures.clusterURL("c1"), token: token).body == before)
        }
    }

    @Test("api-version is required and must be one the service speaks")
    func apiVersions() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            let missing = try await service.call(.get, Fixtures.clusterPath("c1"), token: token)
            #expect(missing.status == 400)
            #expect(missing.errorCode == "MissingApiVersionParameter")
            let wrong = try await service.call(.get, "\(Fixtures.clusterPath("c1"))?api-version=2019-01-01", token: token)
            #expect(wrong.status == 400)
            #expect(wrong.errorCode == "InvalidApiVersionParameter")
            for version in ["2026-10-01", "2026-08-01", "2026-06-01"] {
                #expect(try await service.call(.get, "\(Fixtures.clusterPath("c1"))?api-version=\(version)", token: token).status == 404)
            }
        }
    }

    @Test("wrong content type and oversized bodies are refused")
    func bodyEdges() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            let text = try await service.call(.put, Fixtures.clusterURL("c1"), token: token, body: Fixtures.clusterBody(), headers: ["Content-Type": "text/plain"])
            #expect(text.status == 415)
            #expect(text.errorCode == "UnsupportedMediaType")
            let huge = #"{"location":"eastus","tags":{"a":""# + String(repeating: "x", count: 5 << 20) + #""}}"#
            let big = try await service.call(.put, Fixtures.clusterURL("c1"), token: token, body: huge)
            #expect(big.status == 413)
            #expect(try await service.call(.get, Fixtures.clusterURL("c1"), token: token).status == 404)
        }
    }
}
