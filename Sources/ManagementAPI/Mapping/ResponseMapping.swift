import Core
import ManagementStore
import Wire

/// Domain records -> ARM wire shapes.
enum ResponseMapping {
    static let clusterType = "Microsoft.ContainerService/managedClusters"
    static let poolType = "Microsoft.ContainerService/managedClusters/agentPools"

    static func cluster(_ c: ManagedClusterRecord, pools: [AgentPoolRecord]) -> ManagedClusterWire {
        let s = c.spec
        let properties = ManagedClusterPropertiesWire(
            provisioningState: c.status.provisioningState.rawValue,
            powerState: PowerStateWire(code: c.status.powerState.rawValue),
            maxAgentPools: 100,
            kubernetesVersion: s.kubernetesVersion,
            currentKubernetesVersion: c.status.currentKubernetesVersion ?? s.kubernetesVersion,
            dnsPrefix: s.dnsPrefix,
            fqdn: c.status.fqdn,
            azurePortalFQDN: c.status.fqdn.map { "\($0).portal" },
            agentPoolProfiles: pools.map { profile($0, named: true) },
            nodeResourceGroup: s.nodeResourceGroup,
            enableRBAC: s.enableRBAC,
            disableLocalAccounts: s.disableLocalAccounts,
            supportPlan: s.supportPlan,
            networkProfile: NetworkProfileWire(
                networkPlugin: s.network.networkPlugin, networkPluginMode: s.network.networkPluginMode,
                loadBalancerSku: s.network.loadBalancerSku, outboundType: s.network.outboundType,
                podCidr: s.network.podCidr, serviceCidr: s.network.serviceCidr, dnsServiceIP: s.network.dnsServiceIP),
            resourceUID: c.status.resourceUID)
        return ManagedClusterWire(
            id: c.id.armID, name: c.id.name, type: clusterType, location: c.location, tags: c.tags, eTag: c.eTag,
            sku: ManagedClusterSKUWire(name: s.skuName, tier: s.skuTier),
            identity: s.identityType == "None" ? nil : ManagedClusterIdentityWire(type: s.identityType, principalId: c.status.resourceUID, tenantId: nil),
            properties: properties)
    }

    static func profile(_ p: AgentPoolRecord, named: Bool) -> AgentPoolProfileWire {
        let s = p.spec
        return AgentPoolProfileWire(
            name: named ? p.id.name : nil, count: s.count, vmSize: s.vmSize, osDiskSizeGB: s.osDiskSizeGB, osType: s.osType,
            osSKU: s.osSKU, maxPods: s.maxPods, type: s.type, mode: s.mode.rawValue, orchestratorVersion: s.orchestratorVersion,
            currentOrchestratorVersion: p.status.currentOrchestratorVersion ?? s.orchestratorVersion,
            nodeImageVersion: p.status.nodeImageVersion, provisioningState: p.status.provisioningState.rawValue,
            powerState: PowerStateWire(code: p.status.powerState.rawValue),
            availabilityZones: s.availabilityZones.isEmpty ? nil : s.availabilityZones,
            enableAutoScaling: s.enableAutoScaling, minCount: s.minCount, maxCount: s.maxCount,
            nodeLabels: s.nodeLabels.isEmpty ? nil : s.nodeLabels, nodeTaints: s.nodeTaints.isEmpty ? nil : s.nodeTaints,
            tags: s.tags.isEmpty ? nil : s.tags, upgradeSettings: UpgradeSettingsWire(maxSurge: s.maxSurge),
            vnetSubnetID: s.vnetSubnetID, eTag: p.eTag)
    }

    static func pool(_ p: AgentPoolRecord) -> AgentPoolWire {
        AgentPoolWire(id: p.id.armID, name: p.id.name, type: poolType, properties: profile(p, named: false))
    }
}
