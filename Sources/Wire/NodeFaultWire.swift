/// `POST /admin/.../managedClusters/{name}/nodes/{node}/faults` body: `{"fault":"kubeletStopped"}`.
public struct NodeFaultRequestWire: Codable, Sendable, Equatable {
    public var fault: String
    public init(fault: String) { self.fault = fault }
}

/// The faults a node has now.
public struct NodeFaultsWire: Codable, Sendable, Equatable {
    public var node: String
    public var faults: [String]
    public init(node: String, faults: [String]) {
        self.node = node
        self.faults = faults
    }
}
