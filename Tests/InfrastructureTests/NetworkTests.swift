import Core
import Foundation
import Infrastructure
import Testing

@Suite("Virtual networks and security groups")
struct NetworkTests {
    static let allowWeb = SecurityRule(
        name: "web", priority: 200, direction: "Inbound", access: "Allow", protocol: "Tcp", destinationPortRanges: ["443"])

    @Test("a customer network with its own subnet and NSG, and where NSGs apply to a cluster's nodes", arguments: Backend.allCases)
    func bringYourOwn(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let set = try await infra.applyScaleSet(in: group, sampleSpec())
            let (nsg, created) = try await infra.putSecurityGroup(
                subscription: "sub1", resourceGroup: "net-rg", name: "custom-nsg", SecurityGroupRequest(location: "eastus", securityRules: [Self.allowWeb]))
            #expect(created && !nsg.isManaged)
            let (vnet, _) = try await infra.putVirtualNetwork(
                subscription: "sub1", resourceGroup: "net-rg", name: "byo",
                VirtualNetworkRequest(
                    location: "eastus", addressPrefixes: ["10.10.0.0/16"],
                    subnets: [SubnetModel(name: "nodes", addressPrefix: "10.10.1.0/24", networkSecurityGroupID: nsg.id)]))
            _ = try await infra.putSecurityRule(subscription: "sub1", resourceGroup: group.name, securityGroup: group.securityGroupName, Self.allowWeb)
            let managed = try #require(try await infra.securityGroup(id: group.securityGroupID))
            #expect(managed.securityRules == [Self.allowWeb] && managed.baseline == [])
            _ = try await infra.updateScaleSetDirectly(
                subscription: "sub1", resourceGroup: group.name, name: set.name, ScaleSetUpdate(networkSecurityGroupID: .some(nsg.id)))

            let applied = try await infra.securityGroups(applyingTo: group, customerSubnets: ["\(vnet.id)/subnets/nodes"])
            #expect(applied.map(\.scope) == [
                .managedSubnet(subnetID: group.subnetID), .nic(scaleSetID: set.id), .customerSubnet(subnetID: "\(vnet.id)/subnets/nodes"),
            ])
            await #expect(throws: ServiceError.self) { _ = try await infra.deleteSecurityGroup(subscription: "sub1", resourceGroup: "net-rg", name: "custom-nsg") }
            await #expect(throws: ServiceError.self) { _ = try await infra.deleteVirtualNetwork(subscription: "sub1", resourceGroup: group.name, name: group.virtualNetworkName) }
        }
    }

    @Test("malformed security rules are refused naming the field, and the NSG is unchanged", arguments: Backend.allCases)
    func badRules(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let before = try await infra.ensureNodeResourceGroup(group).securityGroup
            func rule(_ change: (inout SecurityRule) -> Void) -> SecurityRule {
                var rule = Self.allowWeb
                change(&rule)
                return rule
            }
            let cases: [(SecurityRule, String)] = [
                (rule { $0.priority = 99 }, "properties.priority"),
                (rule { $0.priority = 4097 }, "properties.priority"),
                (rule { $0.direction = "Sideways" }, "properties.direction"),
                (rule { $0.access = "Maybe" }, "properties.access"),
                (rule { $0.protocol = "Gopher" }, "properties.protocol"),
                (rule { $0.destinationPortRanges = ["70000"] }, "properties.destinationPortRange"),
                (rule { $0.sourcePortRanges = ["90-80"] }, "properties.sourcePortRange"),
                (rule { $0.sourceAddressPrefixes = [] }, "properties.sourceAddressPrefix"),
            ]
            for (bad, target) in cases {
                let error = await #expect(throws: ServiceError.self) {
                    _ = try await infra.putSecurityRule(subscription: "sub1", resourceGroup: group.name, securityGroup: group.securityGroupName, bad)
                }
                #expect(error.flatMap(errorTarget) == target)
            }
            #expect(try await infra.securityGroup(id: group.securityGroupID) == before)
        }
    }

    @Test("subnets must lie inside the address space, not overlap, and keep their NICs", arguments: [Backend.sqlite])
    func subnetRules(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            _ = try await infra.applyScaleSet(in: group, sampleSpec(count: 1))
            let bad: [VirtualNetworkRequest] = [
                VirtualNetworkRequest(location: "eastus", addressPrefixes: ["10.0.0.0/33"]),
                VirtualNetworkRequest(location: "eastus", addressPrefixes: ["10.0.0.0/16"], subnets: [SubnetModel(name: "a", addressPrefix: "10.1.0.0/24")]),
                VirtualNetworkRequest(
                    location: "eastus", addressPrefixes: ["10.0.0.0/16"],
                    subnets: [SubnetModel(name: "a", addressPrefix: "10.0.0.0/24"), SubnetModel(name: "b", addressPrefix: "10.0.0.128/25")]),
            ]
            for request in bad {
                await #expect(throws: ServiceError.self) { _ = try await infra.putVirtualNetwork(subscription: "sub1", resourceGroup: "r", name: "v", request) }
            }
            #expect(try await infra.virtualNetworks(subscription: "sub1", resourceGroup: "r").isEmpty)
            await #expect(throws: ServiceError.self) {
                _ = try await infra.deleteSubnet(subscription: "sub1", resourceGroup: group.name, virtualNetwork: group.virtualNetworkName, name: "aks-subnet")
            }
        }
    }
}
