/// Tags (ARM resources) or labels (Kubernetes nodes) of one managed resource: the ones the
/// service applied and the ones observed now (N4).
public struct MetadataFacts: Sendable, Equatable {
    public enum Kind: String, Sendable { case tag, label }

    public var kind: Kind
    /// The resource in the tenant's words, e.g. `virtualMachineScaleSets/aks-sys-1234-vmss`.
    public var resource: String
    public var applied: [String: String]
    public var observed: [String: String]

    public init(kind: Kind, resource: String, applied: [String: String], observed: [String: String]) {
        self.kind = kind
        self.resource = resource
        self.applied = applied
        self.observed = observed
    }
}
