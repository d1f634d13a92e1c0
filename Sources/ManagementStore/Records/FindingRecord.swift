import Foundation

/// One policy finding about a cluster as the drift controller last recorded it (SUP4). The
/// store keeps the current set per cluster; `firstSeen` survives re-evaluations because the
/// controller passes the previous set back to the policy, which keeps it.
public struct FindingRecord: Sendable, Codable, Equatable {
    /// `ClusterID.key` of the cluster.
    public var clusterKey: String
    /// The POLICY.md clause id (`N3`, `SEC4`, ...).
    public var clause: String
    /// What the finding is about, stable across evaluations (`aks-sys-1234-vmss/capacity`).
    public var subject: String
    public var reason: String
    public var firstSeen: Date
    /// The policy's severity: `unsupported`, `bestEffort` or `notice`.
    public var severity: String
    public var remedy: String

    public init(clusterKey: String, clause: String, subject: String, reason: String, firstSeen: Date, severity: String, remedy: String) {
        self.clusterKey = clusterKey
        self.clause = clause
        self.subject = subject
        self.reason = reason
        self.firstSeen = firstSeen
        self.severity = severity
        self.remedy = remedy
    }

    /// Identity within the cluster: clause and subject.
    public var id: String { "\(clause)/\(subject)" }
}
