import Foundation

/// POLICY SEC4's second half: the outbound traffic agent nodes need, as data, and which
/// security rules of an NSG block it. The drift controller runs this over every NSG that
/// applies to a cluster's nodes and records the result in `SecurityRuleFacts`.
///
/// The endpoints are AKS's documented required outbound rules. A rule's destination covers
/// an endpoint when it is `*`, `0.0.0.0/0`, `Internet`, or one of the endpoint's service
/// tags; a narrower CIDR does not, since the endpoints have no fixed addresses. Rules are
/// evaluated as Azure does: outbound rules by ascending priority, the first that matches
/// protocol, port and destination decides; the default `AllowInternetOutBound` allows what
/// no custom rule matched.
public enum RequiredEgress {
    /// One destination the nodes must reach.
    public struct Endpoint: Sendable, Equatable {
        public let name: String
        public let proto: String
        public let port: Int
        /// Service tags that contain the endpoint's addresses.
        public let tags: [String]

        public init(name: String, proto: String, port: Int, tags: [String]) {
            self.name = name
            self.proto = proto
            self.port = port
            self.tags = tags
        }
    }

    /// An NSG security rule, in the terms the evaluation needs.
    public struct Rule: Sendable, Equatable {
        public let name: String
        public let priority: Int
        /// `Inbound` or `Outbound`.
        public let direction: String
        /// `Allow` or `Deny`.
        public let access: String
        /// `*`, `Tcp`, `Udp`, `Icmp`, ...
        public let proto: String
        public let destinationPrefixes: [String]
        /// `*`, `443`, `1000-2000`.
        public let destinationPorts: [String]

        public init(name: String, priority: Int, direction: String, access: String, proto: String, destinationPrefixes: [String], destinationPorts: [String]) {
            self.name = name
            self.priority = priority
            self.direction = direction
            self.access = access
            self.proto = proto
            self.destinationPrefixes = destinationPrefixes
            self.destinationPorts = destinationPorts
        }
    }

    /// AKS's required outbound network rules and FQDNs (public cloud).
    public static let endpoints: [Endpoint] = [
        Endpoint(name: "API server (TCP 443)", proto: "Tcp", port: 443, tags: ["AzureCloud"]),
        Endpoint(name: "API server tunnel (TCP 9000)", proto: "Tcp", port: 9000, tags: ["AzureCloud"]),
        Endpoint(name: "API server tunnel (UDP 1194)", proto: "Udp", port: 1194, tags: ["AzureCloud"]),
        Endpoint(name: "NTP (UDP 123)", proto: "Udp", port: 123, tags: []),
        Endpoint(name: "mcr.microsoft.com:443", proto: "Tcp", port: 443, tags: ["MicrosoftContainerRegistry", "AzureFrontDoor.FirstParty"]),
        Endpoint(name: "management.azure.com:443", proto: "Tcp", port: 443, tags: ["AzureResourceManager", "AzureCloud"]),
        Endpoint(name: "login.microsoftonline.com:443", proto: "Tcp", port: 443, tags: ["AzureActiveDirectory"]),
        Endpoint(name: "packages.aks.azure.com:443", proto: "Tcp", port: 443, tags: ["AzureFrontDoor.FirstParty"]),
    ]

    /// For each rule that decides against a required endpoint, the endpoints it blocks.
    public static func blocked(by rules: [Rule], endpoints: [Endpoint] = endpoints) -> [String: [String]] {
        let outbound = rules.filter { $0.direction.lowercased() == "outbound" }.sorted { $0.priority < $1.priority }
        var blocked: [String: [String]] = [:]
        for endpoint in endpoints {
            guard let decider = outbound.first(where: { matches($0, endpoint) }), decider.access.lowercased() == "deny" else { continue }
            blocked[decider.name, default: []].append(endpoint.name)
        }
        return blocked
    }

    static func matches(_ rule: Rule, _ endpoint: Endpoint) -> Bool {
        let proto = rule.proto.lowercased()
        guard proto == "*" || proto == endpoint.proto.lowercased() else { return false }
        guard rule.destinationPorts.contains(where: { covers($0, endpoint.port) }) else { return false }
        let everywhere: Set<String> = ["*", "0.0.0.0/0", "internet", "any"]
        let tags = Set(endpoint.tags.map { $0.lowercased() })
        return rule.destinationPrefixes.contains { prefix in
            let p = prefix.lowercased()
            return everywhere.contains(p) || tags.contains(p) || tags.contains(where: { p.hasPrefix($0 + ".") })
        }
    }

    static func covers(_ range: String, _ port: Int) -> Bool {
        let text = range.trimmingCharacters(in: .whitespaces)
        if text == "*" { return true }
        let bounds = text.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        switch bounds.count {
        case 1: return bounds[0] == port
        case 2: return bounds[0] <= port && port <= bounds[1]
        default: return false
        }
    }
}
