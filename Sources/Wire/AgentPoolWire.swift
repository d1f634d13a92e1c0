/// Agent pool properties. The same object appears flattened with a `name` in a cluster's
/// `agentPoolProfiles[]`, and as `properties` of an `agentPools` resource (name nil there).
public struct AgentPoolProfileWire: Codable, Sendable, Equatable {
    public var name: String?
    public var count: Int?
    public var vmSize: String?
    public var osDiskSizeGB: Int?
    public var osType: String?
    public var osSKU: String?
    public var maxPods: Int?
    public var type: String?
    public var mode: String?
    public var orchestratorVersion: String?
    public var currentOrchestratorVersion: String?
    public var nodeImageVersion: String?
    public var provisioningState: String?
    public var powerState: PowerStateWire?
    public var availabilityZones: [String]?
    public var enableAutoScaling: Bool?
    public var minCount: Int?
    public var maxCount: Int?
    public var nodeLabels: [String: String]?
    public var nodeTaints: [String]?
    public var tags: [String: String]?
    public var upgradeSettings: UpgradeSettingsWire?
    public var vnetSubnetID: String?
    public var eTag: String?

    public init(
        name: String? = nil, count: Int? = nil, vmSize: String? = nil, osDiskSizeGB: Int? = nil, osType: String? = nil,
        osSKU: String? = nil, maxPods: Int? = nil, type: String? = nil, mode: String? = nil,
        orchestratorVersion: String? = nil, currentOrchestratorVersion: String? = nil, nodeImageVersion: String? = nil,
        provisioningState: String? = nil, powerState: PowerStateWire? = nil, availabilityZones: [String]? = nil,
        enableAutoScaling: Bool? = nil, minCount: Int? = nil, maxCount: Int? = nil, nodeLabels: [String: String]? = nil,
        nodeTaints: [String]? = nil, tags: [String: String]? = nil, upgradeSettings: UpgradeSettingsWire? = nil,
        vnetSubnetID: String? = nil, eTag: String? = nil
    ) {
        self.name = name
        self.count = count
        self.vmSize = vmSize
        self.osDiskSizeGB = osDiskSizeGB
        self.osType = osType
        self.osSKU = osSKU
        self.maxPods = maxPods
        self.type = type
        self.mode = mode
        self.orchestratorVersion = orchestratorVersion
        self.currentOrchestratorVersion = currentOrchestratorVersion
        self.nodeImageVersion = nodeImageVersion
        self.provisioningState = provisioningState
        self.powerState = powerState
        self.availabilityZones = availabilityZones
        self.enableAutoScaling = enableAutoScaling
        self.minCount = minCount
        self.maxCount = maxCount
        self.nodeLabels = nodeLabels
        self.nodeTaints = nodeTaints
        self.tags = tags
        self.upgradeSettings = upgradeSettings
        self.vnetSubnetID = vnetSubnetID
        self.eTag = eTag
    }
}

public struct UpgradeSettingsWire: Codable, Sendable, Equatable {
    public var maxSurge: String?
    public init(maxSurge: String? = nil) { self.maxSurge = maxSurge }
}

/// `Microsoft.ContainerService/managedClusters/agentPools`.
public struct AgentPoolWire: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var type: String?
    public var properties: AgentPoolProfileWire?

    public init(id: String? = nil, name: String? = nil, type: String? = nil, properties: AgentPoolProfileWire? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.properties = properties
    }
}
