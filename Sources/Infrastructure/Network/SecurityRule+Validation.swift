import Core

extension SecurityRule {
    static let directions = ["Inbound", "Outbound"]
    static let accesses = ["Allow", "Deny"]
    static let protocols = ["Tcp", "Udp", "Icmp", "Esp", "Ah", "*"]

    /// Checks one rule as Azure does; `target` is the JSON path of the rule's `properties`.
    /// Returns the rule with its enumerations spelled canonically.
    func validated(target: String) throws(ServiceError) -> SecurityRule {
        var rule = self
        guard !name.isEmpty else { throw .missingParameter(target: target.replacingOccurrences(of: ".properties", with: ".name")) }
        guard (100...4096).contains(priority) else {
            throw .invalidParameter(target: "\(target).priority", message: "Security rule priority \(priority) is outside the allowed range 100-4096.")
        }
        rule.direction = try Self.canonical(direction, in: Self.directions, target: "\(target).direction")
        rule.access = try Self.canonical(access, in: Self.accesses, target: "\(target).access")
        rule.protocol = try Self.canonical(self.protocol, in: Self.protocols, target: "\(target).protocol")
        for (ranges, field) in [(sourcePortRanges, "sourcePortRange"), (destinationPortRanges, "destinationPortRange")] {
            guard !ranges.isEmpty else { throw .missingParameter(target: "\(target).\(field)") }
            for range in ranges where !Self.isPortRange(range) {
                throw .invalidParameter(
                    target: "\(target).\(field)", message: "'\(range)' is not a valid port range; use '*', a port (0-65535) or 'low-high'.")
            }
        }
        for (prefixes, field) in [(sourceAddressPrefixes, "sourceAddressPrefix"), (destinationAddressPrefixes, "destinationAddressPrefix")] {
            guard !prefixes.isEmpty, !prefixes.contains(where: { $0.isEmpty }) else {
                throw .missingParameter(target: "\(target).\(field)")
            }
        }
        return rule
    }

    static func canonical(_ value: String, in allowed: [String], target: String) throws(ServiceError) -> String {
        guard let match = allowed.first(where: { $0.lowercased() == value.lowercased() }) else {
            throw .invalidParameter(target: target, message: "'\(value)' is not allowed; allowed values: \(allowed.joined(separator: ", ")).")
        }
        return match
    }

    static func isPortRange(_ text: String) -> Bool {
        if text == "*" { return true }
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(bounds.count) else { return false }
        let ports = bounds.compactMap { Int($0) }
        guard ports.count == bounds.count, ports.allSatisfy({ (0...65535).contains($0) }) else { return false }
        return ports.count == 1 || ports[0] <= ports[1]
    }

    /// Checks a whole rule list: each rule, unique names, and one rule per priority and direction.
    /// `target(index)` is the JSON path of rule `index`'s `properties`.
    static func validated(_ rules: [SecurityRule], target: (Int) -> String) throws(ServiceError) -> [SecurityRule] {
        var result: [SecurityRule] = []
        for (index, rule) in rules.enumerated() {
            let checked = try rule.validated(target: target(index))
            if result.contains(where: { $0.name.lowercased() == checked.name.lowercased() }) {
                throw .invalidParameter(target: target(index), message: "Security rule name '\(checked.name)' is used twice.")
            }
            if let clash = result.first(where: { $0.priority == checked.priority && $0.direction == checked.direction }) {
                throw .invalidParameter(
                    target: "\(target(index)).priority",
                    message: "Security rules '\(clash.name)' and '\(checked.name)' have the same priority \(checked.priority) and direction \(checked.direction).")
            }
            result.append(checked)
        }
        return result
    }
}
