/// One NSG security rule and where it applies (SEC4). The drift controller matches rules
/// against the required egress endpoints and records which ones a rule blocks.
public struct SecurityRuleFacts: Sendable, Equatable {
    /// Where the NSG holding the rule is attached.
    public enum Placement: Sendable, Equatable {
        /// A subnet the service created and owns.
        case managedSubnet(String)
        /// A subnet the customer brought (their own virtual network).
        case customerSubnet(String)
        /// A node's network interface.
        case nic(String)
    }

    public var name: String
    public var nsg: String
    public var placement: Placement
    /// The service created this rule itself.
    public var createdByService: Bool
    /// Required egress endpoints (`host:port`) this rule denies; empty when it denies none.
    public var blockedRequiredEgress: [String]

    public init(name: String, nsg: String, placement: Placement, createdByService: Bool = false, blockedRequiredEgress: [String] = []) {
        self.name = name
        self.nsg = nsg
        self.placement = placement
        self.createdByService = createdByService
        self.blockedRequiredEgress = blockedRequiredEgress
    }
}
