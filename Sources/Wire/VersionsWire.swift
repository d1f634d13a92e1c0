/// `GET .../locations/{location}/kubernetesVersions`.
public struct KubernetesVersionListWire: Codable, Sendable, Equatable {
    public var values: [KubernetesVersionWire]
    public init(values: [KubernetesVersionWire]) { self.values = values }
}

public struct KubernetesVersionWire: Codable, Sendable, Equatable {
    public struct Capabilities: Codable, Sendable, Equatable {
        public var supportPlan: [String]
        public init(supportPlan: [String]) { self.supportPlan = supportPlan }
    }
    public struct PatchVersion: Codable, Sendable, Equatable {
        public var upgrades: [String]
        public init(upgrades: [String]) { self.upgrades = upgrades }
    }
    public var version: String
    public var isDefault: Bool?
    public var isPreview: Bool?
    public var capabilities: Capabilities?
    public var patchVersions: [String: PatchVersion]?

    public init(
        version: String, isDefault: Bool? = nil, isPreview: Bool? = nil, capabilities: Capabilities? = nil,
        patchVersions: [String: PatchVersion]? = nil
    ) {
        self.version = version
        self.isDefault = isDefault
        self.isPreview = isPreview
        self.capabilities = capabilities
        self.patchVersions = patchVersions
    }
}

/// `GET {cluster}/upgradeProfiles/default`.
public struct UpgradeProfileWire: Codable, Sendable, Equatable {
    public struct Upgrade: Codable, Sendable, Equatable {
        public var kubernetesVersion: String
        public var isPreview: Bool?
        public init(kubernetesVersion: String, isPreview: Bool? = nil) {
            self.kubernetesVersion = kubernetesVersion
            self.isPreview = isPreview
        }
    }
    public struct PoolProfile: Codable, Sendable, Equatable {
        public var kubernetesVersion: String
        public var name: String?
        public var osType: String
        public var upgrades: [Upgrade]?
        public init(kubernetesVersion: String, name: String?, osType: String, upgrades: [Upgrade]?) {
            self.kubernetesVersion = kubernetesVersion
            self.name = name
            self.osType = osType
            self.upgrades = upgrades
        }
    }
    public struct Properties: Codable, Sendable, Equatable {
        public var controlPlaneProfile: PoolProfile
        public var agentPoolProfiles: [PoolProfile]
        public init(controlPlaneProfile: PoolProfile, agentPoolProfiles: [PoolProfile]) {
            self.controlPlaneProfile = controlPlaneProfile
            self.agentPoolProfiles = agentPoolProfiles
        }
    }
    public var id: String
    public var name: String
    public var type: String
    public var properties: Properties

    public init(id: String, name: String, type: String, properties: Properties) {
        self.id = id
        self.name = name
        self.type = type
        self.properties = properties
    }
}
