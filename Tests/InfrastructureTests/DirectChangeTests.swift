import Core
import Foundation
import Infrastructure
import Testing

@Suite("Direct IaaS changes: current state, out-of-band events, and N10")
struct DirectChangeTests {
    @Test("direct deallocate, extension and capacity changes leave the baseline and are recorded with the service clock", arguments: Backend.allCases)
    func directChanges(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, clock in
            let group = sampleGroup()
            let set = try await infra.applyScaleSet(in: group, sampleSpec())
            await clock.advance(by: 60)
            let when = clock.now()
            let deallocated = try await infra.performDirectly(.deallocate, subscription: "sub1", resourceGroup: group.name, scaleSet: set.name, instanceIDs: ["1"])
            #expect(deallocated.instances.map(\.powerState) == [.running, .deallocated, .running])
            #expect(deallocated.outOfBand == [OutOfBandEvent(time: when, action: .deallocate, instanceID: 1)])

            let custom = VMExtension(name: "tuning", publisher: "Microsoft.Azure.Extensions", type: "CustomScript", typeHandlerVersion: "2.0")
            #expect(try await infra.putExtensionDirectly(subscription: "sub1", resourceGroup: group.name, scaleSet: set.name, custom))
            let scaled = try await infra.updateScaleSetDirectly(subscription: "sub1", resourceGroup: group.name, name: set.name, ScaleSetUpdate(capacity: 5))
            #expect(scaled.instances.count == 5)
            #expect(scaled.model.capacity == 5 && scaled.baseline.capacity == 3)
            #expect(scaled.model.extensions.map(\.name).contains("tuning"))
            #expect(!scaled.baseline.extensions.map(\.name).contains("tuning"))
            #expect(scaled.instances.allSatisfy { $0.extensions.contains(custom) })
            #expect(scaled.outOfBand.map(\.action) == [.deallocate, .updateModel, .updateModel])
        }
    }

    @Test("applying the service model rebuilds out-of-band instances and resets capacity, sku, tags and extensions (N10)", arguments: Backend.allCases)
    func serviceResetsDrift(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let set = try await infra.applyScaleSet(in: group, sampleSpec())
            let custom = VMExtension(name: "tuning", publisher: "p", type: "t", typeHandlerVersion: "1.0")
            _ = try await infra.updateScaleSetDirectly(
                subscription: "sub1", resourceGroup: group.name, name: set.name,
                ScaleSetUpdate(capacity: 4, sku: "standard_d4s_v3", tags: ["aks-managed-poolName": "hacked"], extensions: set.model.extensions + [custom]))
            _ = try await infra.performDirectly(.powerOff, subscription: "sub1", resourceGroup: group.name, scaleSet: set.name, instanceIDs: ["0"])

            let upgraded = try await infra.applyScaleSet(in: group, sampleSpec(image: "AKSUbuntu-2204gen2containerd-202611.17.0"))
            #expect(upgraded.model == upgraded.baseline)
            #expect(upgraded.instances.map(\.instanceID) == [0, 1, 2])
            #expect(upgraded.outOfBand.isEmpty)
            #expect(upgraded.instances.allSatisfy {
                $0.powerState == .running && $0.vmSize == "Standard_DS2_v2" && $0.osPatchLevel == "202611.17.0"
                    && !$0.extensions.contains(custom)
            })
        }
    }

    @Test("a service reimage rebuilds the named instances and clears their marks only", arguments: Backend.allCases)
    func serviceReimage(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let set = try await infra.applyScaleSet(in: group, sampleSpec())
            _ = try await infra.performDirectly(.deallocate, subscription: "sub1", resourceGroup: group.name, scaleSet: set.name, instanceIDs: ["0", "2"])
            let reimaged = try await infra.reimage(in: group, scaleSet: set.name, instances: [set.instances[0].computerName])
            #expect(reimaged.instances.map(\.powerState) == [.running, .running, .deallocated])
            #expect(reimaged.outOfBand.map(\.instanceID) == [2])
        }
    }

    @Test("bad direct input is refused naming the field and changes nothing", arguments: Backend.allCases)
    func badInput(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let set = try await infra.applyScaleSet(in: group, sampleSpec())
            let cases: [(ScaleSetUpdate, String)] = [
                (ScaleSetUpdate(capacity: -1), "sku.capacity"),
                (ScaleSetUpdate(sku: "Standard_Nope"), "sku.name"),
                (ScaleSetUpdate(networkSecurityGroupID: .some("/subscriptions/sub1/resourceGroups/x/providers/Microsoft.Network/networkSecurityGroups/none")),
                 ScaleSetUpdate.securityGroupTarget),
            ]
            for (update, target) in cases {
                let error = await #expect(throws: ServiceError.self) {
                    _ = try await infra.updateScaleSetDirectly(subscription: "sub1", resourceGroup: group.name, name: set.name, update)
                }
                #expect(error.flatMap(errorTarget) == target)
            }
            await #expect(throws: ServiceError.self) {
                _ = try await infra.performDirectly(.deallocate, subscription: "sub1", resourceGroup: group.name, scaleSet: set.name, instanceIDs: ["0", "9"])
            }
            #expect(try await infra.scaleSet(in: group, name: set.name) == set)
        }
    }

    @Test("every committed write, service or direct, is announced with the resource group's key", arguments: [Backend.sqlite])
    func changeFeed(backend: Backend) async throws {
        try await backend.withInfrastructure { infra, _ in
            let group = sampleGroup()
            let changes = infra.changes()
            var iterator = changes.makeAsyncIterator()
            // Three commits: the network (created on first use), the scale set, the direct start.
            let set = try await infra.applyScaleSet(in: group, sampleSpec(count: 1))
            _ = try await infra.performDirectly(.start, subscription: "sub1", resourceGroup: group.name, scaleSet: set.name, instanceIDs: nil)
            var seen: [String] = []
            while seen.count < 3, let key = await iterator.next() { seen.append(key) }
            #expect(seen == Array(repeating: "sub1/mc_rg1_c1_eastus", count: 3))
            #expect(group.key == "sub1/mc_rg1_c1_eastus")
        }
    }
}
