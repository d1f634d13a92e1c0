/// POLICY SUP4: a cluster's supportability, every finding by clause id with first-seen
/// time, and the remedies that bring it back into support. Built from findings alone.
///
/// Status, decided from POLICY.md:
/// - `Unsupported` when any finding has severity `.unsupported`: customisation outside the
///   service (N3 direct IaaS changes, N4 system metadata, N11 extensions, SEC4 NSG rules or
///   blocked egress, L2 nodes deallocated through IaaS; SUP4 "any customisation outside the
///   service"), a version outside the support window (N9) or alpha features (F1).
/// - otherwise `BestEffort` when any finding has severity `.bestEffort`: preview features in
///   use (F2 "best-effort support"). SUP1's best-effort scope is per ticket, not per cluster.
/// - otherwise `Supported`. `.notice` findings (L1 stopped, L3 no Ready nodes, L5 subscription
///   suspended or deleted) announce a stop or deletion but do not change the status.
public struct SupportabilityReport: Sendable, Equatable {
    /// The cluster's supportability; raw values are the wire spelling.
    public enum Status: String, Sendable, Equatable {
        case supported = "Supported"
        case unsupported = "Unsupported"
        case bestEffort = "BestEffort"
    }

    public let status: Status
    /// Most severe first, then by clause id, then oldest first.
    public let findings: [Finding]
    /// Distinct remedies, in the order of `findings`.
    public let remedies: [String]

    public init(findings: [Finding]) {
        let ordered = findings.sorted { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            if a.clause != b.clause { return a.clause < b.clause }
            if a.firstSeen != b.firstSeen { return a.firstSeen < b.firstSeen }
            return a.subject < b.subject
        }
        self.findings = ordered
        self.status = Self.status(of: ordered)
        var seen = Set<String>()
        self.remedies = ordered.map(\.remedy).filter { seen.insert($0).inserted }
    }

    private static func status(of findings: [Finding]) -> Status {
        let severities = Set(findings.map(\.severity))
        if severities.contains(.unsupported) { return .unsupported }
        if severities.contains(.bestEffort) { return .bestEffort }
        return .supported
    }
}
