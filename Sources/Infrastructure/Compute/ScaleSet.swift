import Foundation

/// The part of a scale set the service applies and drift is measured against (POLICY N3, N4,
/// N11, SEC4): what the scale set should be, as opposed to what its instances currently are.
public struct ScaleSetModel: Sendable, Codable, Equatable {
    /// VM size (`sku.name`).
    public var sku: String
    /// Instance count (`sku.capacity`).
    public var capacity: Int
    public var tags: [String: String]
    public var extensions: [VMExtension]
    /// The NIC-level network security group (`networkProfile...networkSecurityGroup.id`); AKS sets none.
    public var networkSecurityGroupID: String?
    public var nodeImageVersion: String
    public var zones: [String]
    /// The power the service wants its instances in (running, or deallocated while the cluster is stopped).
    public var power: PowerState
}

/// A pool's virtual machine scale set in the node resource group: its current model, the
/// service's baseline, its instances, and the direct changes made to it.
public struct ScaleSet: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var subscription: String
    public var resourceGroup: String
    public var location: String
    public var poolName: String
    /// `System` or `User`.
    public var mode: String
    public var osType: String
    public var osSKU: String
    public var orchestratorVersion: String
    /// The current model: what the service applied, plus direct changes.
    public var model: ScaleSetModel
    /// What the service last applied. Only the service path writes it.
    public var baseline: ScaleSetModel
    public var instances: [VMInstance]
    /// Direct changes since the service last rebuilt the affected instances (POLICY N3, N10).
    public var outOfBand: [OutOfBandEvent]
    public var nextInstanceID: Int
    /// ARM's `uniqueId`.
    public var uniqueID: String
    public var createdAt: Date
    /// Changes on every write (ARM `etag`).
    public var eTag: String

    /// Instances that differ from the model or were touched directly, and so are rebuilt when
    /// the service applies its model (POLICY N10).
    func isConforming(_ instance: VMInstance) -> Bool {
        instance.extensions == model.extensions && instance.nodeImageVersion == model.nodeImageVersion
            && instance.powerState == model.power && instance.vmSize.lowercased() == model.sku.lowercased()
            && !outOfBand.contains { $0.instanceID == instance.instanceID }
    }

    /// The ARM name of an instance: `{scaleSet}_{instanceId}`.
    public func instanceName(_ instance: VMInstance) -> String { "\(name)_\(instance.instanceID)" }

    /// The ARM id of an instance.
    public func instanceResourceID(_ instance: VMInstance) -> String { "\(id)/virtualMachines/\(instance.instanceID)" }

    /// The ARM id of an instance's NIC (one per instance, named like the scale set's NIC configuration).
    public func nicID(_ instance: VMInstance) -> String { "\(instanceResourceID(instance))/networkInterfaces/\(name)" }
}

/// What the service asks of a pool's scale set (`Infrastructure.applyScaleSet`).
public struct ScaleSetSpec: Sendable, Equatable {
    public var poolName: String
    public var capacity: Int
    public var vmSize: String
    public var nodeImageVersion: String
    /// `Linux` or `Windows`.
    public var osType: String
    /// `Ubuntu`, `AzureLinux`, `Windows2022` ...
    public var osSKU: String
    public var zones: [String]
    /// `System` or `User`.
    public var mode: String
    /// The pool's Kubernetes version, for the `aks-managed-orchestrator` tag.
    public var orchestratorVersion: String
    /// The customer's pool tags (the service has already refused reserved keys, N4).
    public var tags: [String: String]
    /// The service operation that applies the spec; becomes `aks-managed-createOperationID` on creation.
    public var operationID: String

    public init(
        poolName: String, capacity: Int, vmSize: String, nodeImageVersion: String, osType: String = "Linux", osSKU: String = "Ubuntu",
        zones: [String] = [], mode: String = "System", orchestratorVersion: String = "", tags: [String: String] = [:], operationID: String = ""
    ) {
        self.poolName = poolName
        self.capacity = capacity
        self.vmSize = vmSize
        self.nodeImageVersion = nodeImageVersion
        self.osType = osType
        self.osSKU = osSKU
        self.zones = zones
        self.mode = mode
        self.orchestratorVersion = orchestratorVersion
        self.tags = tags
        self.operationID = operationID
    }
}
