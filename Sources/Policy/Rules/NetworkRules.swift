import Foundation

/// POLICY SEC4: NSG rules belong on the customer's own subnets only, and no rule anywhere
/// may block the egress the nodes need.
enum NetworkRules {
    /// A rule the service did not create on a managed subnet's NSG or on a NIC is a finding;
    /// a rule on a customer's own subnet is not, unless it blocks required egress (the
    /// clause's second half holds on every subnet).
    static func managedRulesAndBlockedEgress(_ facts: ClusterFacts, _ now: Date) -> [Clause.Detection] {
        facts.securityRules.flatMap { rule -> [Clause.Detection] in
            var found: [Clause.Detection] = []
            let subject = "\(rule.nsg)/\(rule.name)"
            if !rule.createdByService {
                switch rule.placement {
                case .managedSubnet(let subnet):
                    found.append(
                        .init(
                            subject: subject + "/placement",
                            reason: "rule \(rule.name) added to NSG \(rule.nsg) of managed subnet \(subnet) outside the service"))
                case .nic(let nic):
                    found.append(
                        .init(
                            subject: subject + "/placement",
                            reason: "rule \(rule.name) added to NSG \(rule.nsg) on network interface \(nic)"))
                case .customerSubnet:
                    break
                }
            }
            if !rule.blockedRequiredEgress.isEmpty {
                found.append(
                    .init(
                        subject: subject + "/egress",
                        reason: "rule \(rule.name) on NSG \(rule.nsg) (\(rule.placement.description)) blocks required egress to "
                            + rule.blockedRequiredEgress.joined(separator: ", ")))
            }
            return found
        }
    }
}

extension SecurityRuleFacts.Placement: CustomStringConvertible {
    public var description: String {
        switch self {
        case .managedSubnet(let name): "managed subnet \(name)"
        case .customerSubnet(let name): "customer subnet \(name)"
        case .nic(let name): "network interface \(name)"
        }
    }
}
