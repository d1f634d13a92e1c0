/// One agent pool as the IaaS layer shows it: its scale set as the service last applied it
/// and as observed now, and its VM instances (N3, N11).
public struct AgentPoolFacts: Sendable, Equatable {
    public var name: String
    /// The scale set's name, `aks-{pool}-{hash}-vmss`.
    public var scaleSet: String
    public var applied: ScaleSetShape
    public var observed: ScaleSetShape
    public var instances: [VMInstanceFacts]

    public init(name: String, scaleSet: String, applied: ScaleSetShape, observed: ScaleSetShape, instances: [VMInstanceFacts] = []) {
        self.name = name
        self.scaleSet = scaleSet
        self.applied = applied
        self.observed = observed
        self.instances = instances
    }
}

/// The parts of a scale set the service owns: capacity, VM size and extensions.
public struct ScaleSetShape: Sendable, Equatable {
    public var capacity: Int
    public var sku: String
    public var extensions: [VMExtension]

    public init(capacity: Int, sku: String, extensions: [VMExtension] = []) {
        self.capacity = capacity
        self.sku = sku
        self.extensions = extensions
    }
}

/// A VM extension on a scale set (N11: the service's own, never the customer's).
public struct VMExtension: Sendable, Equatable {
    public var name: String
    /// `publisher.type`, e.g. `Microsoft.Azure.Extensions.CustomScript`.
    public var type: String
    public var version: String

    public init(name: String, type: String, version: String) {
        self.name = name
        self.type = type
        self.version = version
    }
}

/// One VM instance of a scale set with its power state and what happened to it outside the
/// service, as the drift controller recorded it.
public struct VMInstanceFacts: Sendable, Equatable {
    public var name: String
    public var powerState: PowerState
    public var outOfBand: Set<OutOfBandChange>

    public init(name: String, powerState: PowerState, outOfBand: Set<OutOfBandChange> = []) {
        self.name = name
        self.powerState = powerState
        self.outOfBand = outOfBand
    }

    /// A VM's power state as IaaS reports it.
    public enum PowerState: String, Sendable, Equatable {
        case running, stopped, deallocated
    }

    /// A direct IaaS action on the instance that did not come from the service (N3).
    public enum OutOfBandChange: String, Sendable, Hashable, CaseIterable {
        case deallocated
        case poweredOff = "powered off"
        case restarted, reimaged, deleted
    }
}
