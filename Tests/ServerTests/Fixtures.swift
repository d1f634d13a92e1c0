import Foundation
import TestSupport

/// Request bodies and paths the service tests share.
enum Fixtures {
    static let subscription = "sub-a"
    static let otherSubscription = "sub-b"
    static let version = "api-version=2026-08-01"

    static func clusterPath(_ name: String, rg: String = "rg1", sub: String = subscription) -> String {
        "/subscriptions/\(sub)/resourceGroups/\(rg)/providers/Microsoft.ContainerService/managedClusters/\(name)"
    }

    static func clusterURL(_ name: String, rg: String = "rg1", sub: String = subscription) -> String {
        "\(clusterPath(name, rg: rg, sub: sub))?\(version)"
    }

    static func poolURL(_ cluster: String, _ pool: String) -> String {
        "\(clusterPath(cluster))/agentPools/\(pool)?\(version)"
    }

    static func clusterBody(count: Int = 3, extraProperties: String = "", pools: String? = nil) -> String {
        let poolJSON = pools ?? #"[{"name":"sys","count":\#(count),"mode":"System","vmSize":"Standard_DS2_v2","osType":"Linux","type":"VirtualMachineScaleSets"}]"#
        return #"{"location":"eastus","tags":{"team":"a"},"properties":{"dnsPrefix":"c1"\#(extraProperties),"agentPoolProfiles":\#(poolJSON)}}"#
    }
}

extension TestService {
    /// Creates a cluster and waits for its operation to succeed.
    @discardableResult
    func createCluster(_ name: String, token: String, body: String = Fixtures.clusterBody()) async throws -> Reply {
        let reply = try await call(.put, Fixtures.clusterURL(name), token: token, body: body)
        guard reply.status == 201, let status = reply.header("Azure-AsyncOperation") else {
            throw TestServiceError.unexpected("create failed: \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
        }
        let result = try await waitForOperation(status, token: token)
        guard result["status"] as? String == "Succeeded" else { throw TestServiceError.unexpected("create ended \(result)") }
        return reply
    }
}
