import Core
import Foundation
import Infrastructure
import Testing

@Suite("Node resource groups and the service path")
struct NodeResourceGroupTests {
    @Test("a node resource group holds the managed vnet, subnet and NSG; ensuring it twice changes nothing", arguments: Backend.allCases)
    func managedNetwork(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let network = try await infra.ensureNodeResourceGroup(group)
            #expect(group.name == "MC_rg1_c1_eastus")
            #expect(group.hash.count == 8 && group.hash.allSatisfy(\.isNumber))
            #expect(network.virtualNetwork.name == "aks-vnet-\(group.hash)")
            #expect(network.virtualNetwork.addressPrefixes == ["10.224.0.0/12"])
            #expect(network.virtualNetwork.subnets.map(\.addressPrefix) == ["10.224.0.0/16"])
            #expect(network.virtualNetwork.subnets.first?.networkSecurityGroupID == network.securityGroup.id)
            #expect(network.securityGroup.name == "aks-agentpool-\(group.hash)-nsg")
            #expect(network.securityGroup.securityRules.isEmpty)
            #expect(network.virtualNetwork.isManaged && network.securityGroup.isManaged)

            let again = try await infra.ensureNodeResourceGroup(group)
            #expect(again.virtualNetwork.eTag == network.virtualNetwork.eTag)
            #expect(sampleGroup().hash == group.hash)
            #expect(sampleGroup("c2").hash != group.hash)
        }
    }

    @Test("a pool's scale set has AKS names, addresses, zones, managed extensions and system tags", arguments: Backend.allCases)
    func scaleSetShape(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let set = try await infra.applyScaleSet(in: group, sampleSpec())
            #expect(set.name == "aks-sys-\(group.hash)-vmss")
            #expect(set.instances.map(\.instanceID) == [0, 1, 2])
            #expect(set.instances.map(\.computerName) == (0..<3).map { "aks-sys-\(group.hash)-vmss00000\($0)" })
            #expect(set.instances.map(\.privateIPAddress) == ["10.224.0.4", "10.224.0.5", "10.224.0.6"])
            #expect(set.instances.map(\.zone) == ["1", "2", "3"])
            #expect(set.instances.allSatisfy { $0.powerState == .running && $0.osPatchLevel == "202611.10.0" })
            #expect(set.model.extensions.map(\.name) == ["vmssCSE", "AKSLinuxBilling", "AKSLinuxExtension"])
            #expect(set.model.tags["aks-managed-poolName"] == "sys")
            #expect(set.model.tags["aks-managed-createOperationID"] == "op-1")
            #expect(set.model.tags["team"] == "a")
            #expect(set.model == set.baseline)
            #expect(VMInstance.computerName(scaleSet: "x", instanceID: 36) == "x000010")

            let other = try await infra.applyScaleSet(in: group, sampleSpec("user", count: 1))
            #expect(other.instances.map(\.privateIPAddress) == ["10.224.0.7"])
            #expect(try await infra.scaleSets(in: group).map(\.poolName) == ["sys", "user"])
        }
    }

    @Test("scale-down removes the named instances first, then the highest ids; scale-up takes the next ids", arguments: Backend.allCases)
    func scaling(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let set = try await infra.applyScaleSet(in: group, sampleSpec(count: 4))
            let named = set.instances[1].computerName
            let down = try await infra.applyScaleSet(in: group, sampleSpec(count: 2), removing: [named])
            #expect(down.instances.map(\.instanceID) == [0, 2])
            let up = try await infra.applyScaleSet(in: group, sampleSpec(count: 4))
            #expect(up.instances.map(\.instanceID) == [0, 2, 4, 5])
            #expect(Set(up.instances.map(\.privateIPAddress)).count == 4)
        }
    }

    @Test("an unknown VM size or a negative count is refused and changes nothing", arguments: Backend.allCases)
    func badSpec(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let set = try await infra.applyScaleSet(in: group, sampleSpec())
            var bad = sampleSpec()
            bad.vmSize = "Standard_Huge"
            await #expect(throws: ServiceError.self) { try await infra.applyScaleSet(in: group, bad) }
            bad = sampleSpec(count: -1)
            await #expect(throws: ServiceError.self) { try await infra.applyScaleSet(in: group, bad) }
            #expect(try await infra.scaleSet(in: group, name: set.name) == set)
        }
    }

    @Test("service stop and start move the baseline with the power, so they are not out-of-band", arguments: Backend.allCases)
    func servicePower(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let set = try await infra.applyScaleSet(in: group, sampleSpec())
            let stopped = try await infra.setPower(in: group, scaleSet: set.name, running: false)
            #expect(stopped.instances.allSatisfy { $0.powerState == .deallocated })
            #expect(stopped.baseline.power == .deallocated && stopped.outOfBand.isEmpty)
            let grown = try await infra.applyScaleSet(in: group, sampleSpec(count: 4))
            #expect(grown.instances.last?.powerState == .deallocated)
            let started = try await infra.setPower(in: group, scaleSet: set.name, running: true)
            #expect(started.instances.allSatisfy { $0.powerState == .running } && started.outOfBand.isEmpty)
        }
    }

    @Test("deleting the node resource group removes everything in it and nothing else", arguments: Backend.allCases)
    func deleteGroup(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let other = sampleGroup("c2")
            _ = try await infra.applyScaleSet(in: group, sampleSpec())
            _ = try await infra.applyScaleSet(in: other, sampleSpec())
            try await infra.deleteNodeResourceGroup(group)
            #expect(try await infra.scaleSets(in: group).isEmpty)
            #expect(try await infra.virtualNetworks(subscription: "sub1", resourceGroup: group.name).isEmpty)
            #expect(try await infra.scaleSets(in: other).count == 1)
            try await infra.deleteScaleSet(in: other, name: other.scaleSetName(pool: "sys"))
            #expect(try await infra.scaleSets(in: other).isEmpty)
            let subnet = try #require(try await infra.virtualNetwork(id: other.virtualNetworkID)?.subnets.first)
            #expect(subnet.allocations.isEmpty)
        }
    }
}
