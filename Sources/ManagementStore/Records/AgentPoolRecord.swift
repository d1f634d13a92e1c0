import Core
import Foundation

/// A node taint as `key=value:Effect`.
public typealias NodeTaint = String

/// The desired shape of an agent pool (POLICY N1).
public struct AgentPoolSpec: Codable, Sendable, Equatable {
    public enum Mode: String, Codable, Sendable { case system = "System", user = "User" }

    public var count: Int
    public var vmSize: String
    public var osType: String
    public var osSKU: String
    public var osDiskSizeGB: Int
    public var mode: Mode
    public var orchestratorVersion: String
    public var maxPods: Int
    public var type: String
    public var availabilityZones: [String]
    public var enableAutoScaling: Bool
    public var minCount: Int?
    public var maxCount: Int?
    public var nodeLabels: [String: String]
    public var nodeTaints: [NodeTaint]
    public var tags: [String: String]
    public var maxSurge: String
    /// A subnet the customer brought (`/subscriptions/.../virtualNetworks/{vnet}/subnets/{name}`);
    /// nil: the pool's nodes sit in the managed subnet of the node resource group.
    public var vnetSubnetID: String?

    public init(
        count: Int, vmSize: String, osType: String = "Linux", osSKU: String = "Ubuntu", osDiskSizeGB: Int = 128,
        mode: Mode, orchestratorVersion: String, maxPods: Int = 110, type: String = "VirtualMachineScaleSets",
        availabilityZones: [String] = [], enableAutoScaling: Bool = false, minCount: Int? = nil, maxCount: Int? = nil,
        nodeLabels: [String: String] = [:], nodeTaints: [NodeTaint] = [], tags: [String: String] = [:], maxSurge: String = "10%",
        vnetSubnetID: String? = nil
    ) {
        self.count = count
        self.vmSize = vmSize
        self.osType = osType
        self.osSKU = osSKU
        self.osDiskSizeGB = osDiskSizeGB
        self.mode = mode
        self.orchestratorVersion = orchestratorVersion
        self.maxPods = maxPods
        self.type = type
        self.availabilityZones = availabilityZones
        self.enableAutoScaling = enableAutoScaling
        self.minCount = minCount
        self.maxCount = maxCount
        self.nodeLabels = nodeLabels
        self.nodeTaints = nodeTaints
        self.tags = tags
        self.maxSurge = maxSurge
        self.vnetSubnetID = vnetSubnetID
    }
}

/// What the service observed and did for an agent pool.
public struct AgentPoolStatus: Codable, Sendable, Equatable {
    public var provisioningState: ProvisioningState
    public var powerState: PowerState
    public var currentOrchestratorVersion: String?
    public var nodeImageVersion: String?
    /// Nodes the pool actually has (follows `spec.count` as provisioning proceeds).
    public var readyCount: Int
    public var observedGeneration: Int
    /// The generation whose spec was last applied to the pool's scale set. The service applies
    /// a spec once (a re-apply would rebuild nodes and erase drift the customer caused, N10).
    public var appliedGeneration: Int?

    public init(
        provisioningState: ProvisioningState, powerState: PowerState = .running, currentOrchestratorVersion: String? = nil,
        nodeImageVersion: String? = nil, readyCount: Int = 0, observedGeneration: Int = 0
    ) {
        self.provisioningState = provisioningState
        self.powerState = powerState
        self.currentOrchestratorVersion = currentOrchestratorVersion
        self.nodeImageVersion = nodeImageVersion
        self.readyCount = readyCount
        self.observedGeneration = observedGeneration
    }
}

/// An agent pool as stored.
public struct AgentPoolRecord: Codable, Sendable, Equatable {
    public var id: AgentPoolID
    public var spec: AgentPoolSpec
    public var status: AgentPoolStatus
    public var generation: Int
    public var eTag: String
    public var createdAt: Date
    public var updatedAt: Date
    /// Set when a delete was accepted; the controller drains and removes the pool.
    public var deletionRequestedAt: Date?

    public init(
        id: AgentPoolID, spec: AgentPoolSpec, status: AgentPoolStatus, generation: Int = 1, eTag: String = UUIDv4.make(),
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.spec = spec
        self.status = status
        self.generation = generation
        self.eTag = eTag
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
