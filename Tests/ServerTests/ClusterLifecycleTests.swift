import Foundation
import Testing
import TestSupport
import Wire

@Suite("Managed cluster lifecycle over the ARM API")
struct ClusterLifecycleTests {
    @Test("create answers 201 with LRO headers, then the cluster is Succeeded and Running")
    func createToSucceeded() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            let reply = try await service.call(.put, Fixtures.clusterURL("c1"), token: token, body: Fixtures.clusterBody())
            #expect(reply.status == 201)
            #expect(reply.header("Azure-AsyncOperation")?.contains("/operations/") == true)
            #expect(reply.header("Location")?.contains("/operationresults/") == true)
            #expect(reply.header("Retry-After") == "1")
            let created = try reply.decode(ManagedClusterWire.self)
            #expect(created.properties?.provisioningState == "Creating")
            let result = try await service.waitForOperation(reply.header("Azure-AsyncOperation")!, token: token)
            #expect(result["status"] as? String == "Succeeded")

            let got = try await service.call(.get, Fixtures.clusterURL("c1"), token: token).decode(ManagedClusterWire.self)
            #expect(got.properties?.provisioningState == "Succeeded")
            #expect(got.properties?.powerState?.code == "Running")
            #expect(got.properties?.nodeResourceGroup == "MC_rg1_c1_eastus")
            #expect(got.properties?.fqdn?.hasPrefix("c1-") == true)
            #expect(got.properties?.currentKubernetesVersion == got.properties?.kubernetesVersion)
            #expect(got.properties?.agentPoolProfiles?.first?.provisioningState == "Succeeded")
            #expect(got.properties?.agentPoolProfiles?.first?.nodeImageVersion?.hasPrefix("AKSUbuntu") == true)
            #expect(got.tags == ["team": "a"])
        }
    }

    @Test("list by subscription and by resource group shows the cluster")
    func listing() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            try await service.createCluster("c1", token: token)
            let bySub = try await service.call(.get, "/subscriptions/\(Fixtures.subscription)/providers/Microsoft.ContainerService/managedClusters?\(Fixtures.version)", token: token)
            #expect(try bySub.decode(ListResultWire<ManagedClusterWire>.self).value.map(\.name) == ["c1"])
            let byRG = try await service.call(.get, "/subscriptions/\(Fixtures.subscription)/resourcegroups/RG1/providers/Microsoft.ContainerService/managedClusters?\(Fixtures.version)", token: token)
            #expect(try byRG.decode(ListResultWire<ManagedClusterWire>.self).value.count == 1)
            let otherRG = try await service.call(.get, "/subscriptions/\(Fixtures.subscription)/resourceGroups/rg2/providers/Microsoft.ContainerService/managedClusters?\(Fixtures.version)", token: token)
            #expect(try otherRG.decode(ListResultWire<ManagedClusterWire>.self).value.isEmpty)
        }
    }

    @Test("stop turns the cluster and its pools Stopped; start brings them back")
    func stopStart() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            try await service.createCluster("c1", token: token)
            let stop = try await service.call(.post, "\(Fixtures.clusterPath("c1"))/stop?\(Fixtures.version)", token: token)
            #expect(stop.status == 202)
            _ = try await service.waitForOperation(stop.header("Azure-AsyncOperation")!, token: token)
            var got = try await service.call(.get, Fixtures.clusterURL("c1"), token: token).decode(ManagedClusterWire.self)
            #expect(got.properties?.powerState?.code == "Stopped")
            #expect(got.properties?.agentPoolProfiles?.first?.powerState?.code == "Stopped")
            let scale = try await service.call(.put, Fixtures.poolURL("c1", "sys"), token: token, body: #"{"properties":{"count":5}}"#)
            #expect(scale.status == 409)

            let start = try await service.call(.post, "\(Fixtures.clusterPath("c1"))/start?\(Fixtures.version)", token: token)
            #expect(start.status == 202)
            let result = try await service.call(.get, TestService.pathAndQuery(start.header("Location")!), token: token)
            #expect([202, 204].contains(result.status))
            _ = try await service.waitForOperation(start.header("Azure-AsyncOperation")!, token: token)
            got = try await service.call(.get, Fixtures.clusterURL("c1"), token: token).decode(ManagedClusterWire.self)
            #expect(got.properties?.powerState?.code == "Running")
            let done = try await service.call(.get, TestService.pathAndQuery(start.header("Location")!), token: token)
            #expect(done.status == 204)
        }
    }

    @Test("agent pools can be added, scaled and deleted; the last System pool cannot be deleted")
    func pools() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            try await service.createCluster("c1", token: token)
            let add = try await service.call(.put, Fixtures.poolURL("c1", "user1"), token: token, body: #"{"properties":{"count":2,"mode":"User","vmSize":""}}"#)
            #expect(add.status == 201)
            _ = try await service.waitForOperation(add.header("Azure-AsyncOperation")!, token: token)
            let scale = try await service.call(.put, Fixtures.poolURL("c1", "user1"), token: token, body: #"{"properties":{"count":5,"mode":"User"}}"#)
            #expect(scale.status == 200)
            #expect(try scale.decode(AgentPoolWire.self).properties?.provisioningState == "Scaling")
            _ = try await service.waitForOperation(scale.header("Azure-AsyncOperation")!, token: token)
            let cluster = try await service.call(.get, Fixtures.clusterURL("c1"), token: token).decode(ManagedClusterWire.self)
            #expect(cluster.properties?.agentPoolProfiles?.map(\.name) == ["sys", "user1"])
            #expect(cluster.properties?.agentPoolProfiles?.last?.count == 5)

            let lastSystem = try await service.call(.delete, Fixtures.poolURL("c1", "sys"), token: token)
            #expect(lastSystem.status == 400)
            let delete = try await service.call(.delete, Fixtures.poolURL("c1", "user1"), token: token)
            #expect(delete.status == 202)
            _ = try await service.waitForOperation(delete.header("Azure-AsyncOperation")!, token: token)
            let gone = try await service.call(.get, Fixtures.poolURL("c1", "user1"), token: token)
            #expect(gone.status == 404)
            let again = try await service.call(.delete, Fixtures.poolURL("c1", "user1"), token: token)
            #expect(again.status == 204)
        }
    }

    @Test("delete removes the cluster; a second delete is 204 and GET is 404")
    func delete() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            try await service.createCluster("c1", token: token)
            let delete = try await service.call(.delete, Fixtures.clusterURL("c1"), token: token)
            #expect(delete.status == 202)
            let result = try await service.waitForOperation(delete.header("Azure-AsyncOperation")!, token: token)
            #expect(result["status"] as? String == "Succeeded")
            #expect(try await service.call(.get, Fixtures.clusterURL("c1"), token: token).status == 404)
            #expect(try await service.call(.delete, Fixtures.clusterURL("c1"), token: token).status == 204)
        }
    }

    @Test("credentials are base64 kubeconfigs pointing at the hosted API")
    func credentials() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            try await service.createCluster("c1", token: token)
            for (action, name) in [("listClusterUserCredential", "clusterUser"), ("listClusterAdminCredential", "clusterAdmin")] {
                let reply = try await service.call(.post, "\(Fixtures.clusterPath("c1"))/\(action)?\(Fixtures.version)", token: token)
                #expect(reply.status == 200)
                let result = try reply.decode(CredentialResultsWire.self)
                #expect(result.kubeconfigs.first?.name == name)
                let yaml = String(decoding: Data(base64Encoded: result.kubeconfigs[0].value) ?? Data(), as: UTF8.self)
                #expect(yaml.contains("kind: Config"))
                #expect(yaml.contains("server: \(service.service.environment.kubeAPI.baseURL)/clusters/"))
                #expect(!service.service.environment.kubeAPI.baseURL.hasSuffix(":0"))  // the front's bound port, not the configured 0
                #expect(yaml.contains("certificate-authority-data: "))
                #expect(yaml.contains("current-context: c1"))
            }
        }
    }

    @Test("versions and upgrade profile come from the catalog")
    func versionsAndUpgrades() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            let versions = try await service.call(.get, "/subscriptions/\(Fixtures.subscription)/providers/Microsoft.ContainerService/locations/eastus/kubernetesVersions?\(Fixtures.version)", token: token)
            let list = try versions.decode(KubernetesVersionListWire.self)
            #expect(list.values.contains { $0.isDefault == true })
            let body = Fixtures.clusterBody(extraProperties: #","kubernetesVersion":"1.33""#)
            try await service.createCluster("c1", token: token, body: body)
            let profile = try await service.call(.get, "\(Fixtures.clusterPath("c1"))/upgradeProfiles/default?\(Fixtures.version)", token: token).decode(UpgradeProfileWire.self)
            #expect(profile.properties.controlPlaneProfile.kubernetesVersion.hasPrefix("1.33."))
            #expect(profile.properties.controlPlaneProfile.upgrades?.contains { $0.kubernetesVersion.hasPrefix("1.34.") } == true)
            #expect(profile.properties.agentPoolProfiles.first?.name == "sys")
        }
    }

    @Test("PATCH changes tags; reserved tags are refused")
    func tags() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            try await service.createCluster("c1", token: token)
            let patch = try await service.call(.patch, Fixtures.clusterURL("c1"), token: token, body: #"{"tags":{"env":"prod"}}"#)
            #expect(patch.status == 200)
            _ = try await service.waitForOperation(patch.header("Azure-AsyncOperation")!, token: token)
            #expect(try await service.call(.get, Fixtures.clusterURL("c1"), token: token).decode(ManagedClusterWire.self).tags == ["env": "prod"])
            let reserved = try await service.call(.patch, Fixtures.clusterURL("c1"), token: token, body: #"{"tags":{"aks-managed-poolName":"x"}}"#)
            #expect(reserved.status == 400)
            #expect(reserved.errorCode == "SystemMetadataProtected")
            #expect(try await service.call(.get, Fixtures.clusterURL("c1"), token: token).decode(ManagedClusterWire.self).tags == ["env": "prod"])
        }
    }
}

@Suite("Lists page like ARM")
struct PagingTests {
    @Test("more than 100 clusters come in pages linked by nextLink")
    func nextLink() async throws {
        try await TestService.run { service in
            let token = try await service.token(for: [Fixtures.subscription])
            for i in 0..<101 {
                // One node each: the test is about paging, and 101 clusters of simulated nodes cost CPU.
                let reply = try await service.call(.put, Fixtures.clusterURL(String(format: "c%03d", i)), token: token, body: Fixtures.clusterBody(count: 1))
                #expect(reply.status == 201)
            }
            let first = try await service.call(.get, "/subscriptions/\(Fixtures.subscription)/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters?\(Fixtures.version)", token: token)
            let page1 = try first.decode(ListResultWire<ManagedClusterWire>.self)
            #expect(page1.value.count == 100)
            #expect(page1.value.first?.name == "c000")
            #expect(page1.value.allSatisfy { $0.properties?.agentPoolProfiles?.map(\.name) == ["sys"] })
            let next = try #require(page1.nextLink)
            let page2 = try await service.call(.get, TestService.pathAndQuery(next), token: token).decode(ListResultWire<ManagedClusterWire>.self)
            #expect(page2.value.map(\.name) == ["c100"])
            #expect(page2.nextLink == nil)
        }
    }
}
