import Foundation

/// A VM's power state as ARM reports it (`PowerState/running` ...).
public enum PowerState: String, Sendable, Codable, CaseIterable {
    case running, stopped, deallocated
}

/// What can be done to instances. Done through the direct IaaS API it is an out-of-band
/// change recorded on the scale set (POLICY N3); done by the service it is not.
public enum InstanceAction: String, Sendable, Codable, CaseIterable {
    case deallocate, start, restart, powerOff, reimage, delete
    /// A direct change of the scale set's model (capacity, sku, tags, extensions, NIC NSG).
    case updateModel
}

/// One direct change, with the service clock's time and the instance it touched (nil: the model).
public struct OutOfBandEvent: Sendable, Codable, Equatable {
    public var time: Date
    public var action: InstanceAction
    public var instanceID: Int?

    public init(time: Date, action: InstanceAction, instanceID: Int?) {
        self.time = time
        self.action = action
        self.instanceID = instanceID
    }
}

/// One VM of a scale set.
public struct VMInstance: Sendable, Codable, Equatable {
    /// 0, 1, 2 ... never reused within a scale set.
    public var instanceID: Int
    /// `aks-{pool}-{hash}-vmss` + six base-36 digits of the instance id, as AKS names nodes.
    public var computerName: String
    public var provisioningState: String
    public var powerState: PowerState
    public var zone: String?
    public var privateIPAddress: String
    public var vmSize: String
    public var nodeImageVersion: String
    /// The OS patch level the node runs (POLICY N6); a rebuilt node starts at its image's.
    public var osPatchLevel: String
    public var extensions: [VMExtension]
    /// Whether the instance runs the scale set's current model (false after a direct sku change).
    public var latestModelApplied: Bool
    public var createdAt: Date

    /// The computer name for `instanceID` in scale set `scaleSetName`.
    public static func computerName(scaleSet scaleSetName: String, instanceID: Int) -> String {
        let digits = String(instanceID, radix: 36)
        return scaleSetName + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The patch level a fresh node of `nodeImageVersion` starts at: its release tag.
    public static func patchLevel(of nodeImageVersion: String) -> String {
        nodeImageVersion.split(separator: "-").last.map(String.init) ?? nodeImageVersion
    }
}
