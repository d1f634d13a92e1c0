import Core
import Foundation
import Infrastructure
import ManagementAPI
import Testing
import TestSupport

/// The direct IaaS API through the real service in-process: ARM shapes, errors and isolation.
@Suite("Direct IaaS API")
struct IaaSAPITests {
    static let compute = "api-version=2026-04-01"
    static let network = "api-version=2026-03-01"

    /// A service with one node resource group and a 3-instance scale set in `sub`, and a token for it.
    static func withScaleSet(_ body: @Sendable (TestService, String, NodeResourceGroup, String) async throws -> Void) async throws {
        try await TestService.run { service in
            let sub = UUIDv4.make()
            let token = try await service.token(for: [sub])
            let group = sampleGroup(subscription: sub)
            let infra = service.service.environment.infrastructure
            _ = try await infra.applyScaleSet(in: group, sampleSpec())
            let path = "/subscriptions/\(sub)/resourceGroups/\(group.name)/providers/Microsoft.Compute/virtualMachineScaleSets/\(group.scaleSetName(pool: "sys"))"
            try await body(service, token, group, path)
        }
    }

    @Test("scale sets and instances read back in ARM shape; direct deallocate shows in the instance view")
    func readAndDeallocate() async throws {
        try await Self.withScaleSet { service, token, group, path in
            let got = try await service.call(.get, "\(path)?\(Self.compute)", token: token)
            #expect(got.status == 200)
            #expect((got.json["sku"] as? [String: Any])?["capacity"] as? Int == 3)
            let list = try await service.call(.get, "/subscriptions/\(group.subscription)/providers/Microsoft.Compute/virtualMachineScaleSets?\(Self.compute)", token: token)
            #expect((list.json["value"] as? [Any])?.count == 1)

            let action = try await service.call(.post, "\(path)/deallocate?\(Self.compute)", token: token, body: "{\"instanceIds\":[\"0\",\"1\"]}")
            #expect(action.status == 200)
            let view = try await service.call(.get, "\(path)/virtualMachines/1/instanceView?\(Self.compute)", token: token)
            let codes = (view.json["statuses"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
            #expect(codes == ["ProvisioningState/succeeded", "PowerState/deallocated"])
            let vms = try await service.call(.get, "\(path)/virtualMachines?$expand=instanceView&\(Self.compute)", token: token)
            #expect((vms.json["value"] as? [Any])?.count == 3)
            let stored = try #require(try await service.service.environment.infrastructure.scaleSet(in: group, name: group.scaleSetName(pool: "sys")))
            #expect(stored.outOfBand.map(\.action) == [.deallocate, .deallocate])
            #expect(stored.baseline.power == .running)
        }
    }

    @Test("bad scale set input gets an ARM error naming the field and changes nothing")
    func badScaleSetInput() async throws {
        try await Self.withScaleSet { service, token, group, path in
            let before = try await service.call(.get, "\(path)?\(Self.compute)", token: token).body
            let cases: [(String, String?, String, Int)] = [
                ("{\"sku\":{\"name\":\"Standard_Nope\"}}", "sku.name", "InvalidParameter", 400),
                ("{\"sku\":{\"capacity\":-2}}", "sku.capacity", "InvalidParameter", 400),
                ("{\"sku\":", nil, "InvalidRequestContent", 400),
            ]
            for (body, target, code, status) in cases {
                let reply = try await service.call(.patch, "\(path)?\(Self.compute)", token: token, body: body)
                #expect(reply.status == status)
                #expect(reply.errorCode == code)
                #expect(reply.errorTarget == target)
            }
            let unknown = try await service.call(.post, "\(path)/deallocate?\(Self.compute)", token: token, body: "{\"instanceIds\":[\"42\"]}")
            #expect(unknown.status == 400 && unknown.errorTarget == "instanceIds")
            let missingVM = try await service.call(.get, "\(path)/virtualMachines/42?\(Self.compute)", token: token)
            #expect(missingVM.status == 404)
            let create = try await service.call(.put, "\(path)-new?\(Self.compute)", token: token, body: "{\"location\":\"eastus\",\"sku\":{\"capacity\":1}}")
            #expect(create.status == 409)
            #expect(try await service.call(.get, "\(path)?\(Self.compute)", token: token).body == before)
        }
    }

    @Test("another tenant's token sees a 404, and a wrong api-version is refused")
    func isolation() async throws {
        try await Self.withScaleSet { service, _, _, path in
            let stranger = try await service.token(for: [UUIDv4.make()])
            #expect(try await service.call(.get, "\(path)?\(Self.compute)", token: stranger).status == 404)
            let stale = try await service.call(.get, "\(path)?api-version=2026-08-01", token: stranger)
            #expect(stale.status == 400 && stale.errorTarget == "api-version")
        }
    }

    @Test("malformed security rules are refused naming the field; a customer's network and NSG are created")
    func networkInput() async throws {
        try await Self.withScaleSet { service, token, group, _ in
            let nsgPath = "/subscriptions/\(group.subscription)/resourceGroups/\(group.name)/providers/Microsoft.Network/networkSecurityGroups/\(group.securityGroupName)"
            let before = try await service.call(.get, "\(nsgPath)?\(Self.network)", token: token).body
            let properties = { (priority: Int, direction: String) in
                "{\"priority\":\(priority),\"direction\":\"\(direction)\",\"access\":\"Deny\",\"protocol\":\"*\",\"sourcePortRange\":\"*\",\"destinationPortRange\":\"*\",\"sourceAddressPrefix\":\"*\",\"destinationAddressPrefix\":\"*\"}"
            }
            let rule = { (priority: Int, direction: String) in "{\"properties\":\(properties(priority, direction))}" }
            let bad = try await service.call(.put, "\(nsgPath)/securityRules/r1?\(Self.network)", token: token, body: rule(5000, "Outbound"))
            #expect(bad.status == 400 && bad.errorTarget == "properties.priority")
            let sideways = try await service.call(.put, "\(nsgPath)/securityRules/r1?\(Self.network)", token: token, body: rule(300, "Up"))
            #expect(sideways.status == 400 && sideways.errorTarget == "properties.direction")
            #expect(try await service.call(.get, "\(nsgPath)?\(Self.network)", token: token).body == before)

            let created = try await service.call(.put, "\(nsgPath)/securityRules/r1?\(Self.network)", token: token, body: rule(300, "Outbound"))
            #expect(created.status == 201)
            let customer = "/subscriptions/\(group.subscription)/resourceGroups/net/providers/Microsoft.Network"
            let nsg = try await service.call(
                .put, "\(customer)/networkSecurityGroups/mine?\(Self.network)", token: token,
                body: "{\"location\":\"eastus\",\"properties\":{\"securityRules\":[{\"name\":\"a\",\"properties\":\(properties(200, "Inbound"))}]}}")
            #expect(nsg.status == 201)
            let vnet = try await service.call(
                .put, "\(customer)/virtualNetworks/byo?\(Self.network)", token: token,
                body: "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"10.1.0.0/16\"]},\"subnets\":[{\"name\":\"s\",\"properties\":{\"addressPrefix\":\"10.1.0.0/24\",\"networkSecurityGroup\":{\"id\":\"\(customer)/networkSecurityGroups/mine\"}}}]}}")
            #expect(vnet.status == 201)
            let outside = try await service.call(
                .put, "\(customer)/virtualNetworks/byo/subnets/t?\(Self.network)", token: token, body: "{\"properties\":{\"addressPrefix\":\"10.9.0.0/24\"}}")
            #expect(outside.status == 400 && outside.errorTarget == "properties.addressPrefix")
        }
    }
}
