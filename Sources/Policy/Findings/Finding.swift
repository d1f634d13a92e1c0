import Foundation

/// One reason a cluster is not fully supported, or a lifecycle action to come: the clause
/// that decided it, what was seen, since when, how bad, and what the tenant can do.
public struct Finding: Sendable, Equatable, Identifiable {
    public let clause: ClauseID
    /// What the finding is about, stable across evaluations (`aks-sys-1234-vmss/capacity`).
    public let subject: String
    /// What is wrong, specifically: "scale set aks-sys-1234-vmss capacity changed 3 -> 5 outside the service".
    public let reason: String
    /// When the service first saw it; kept while the finding persists.
    public let firstSeen: Date
    public let severity: Severity
    public let remedy: String

    public init(clause: ClauseID, subject: String, reason: String, firstSeen: Date, severity: Severity, remedy: String) {
        self.clause = clause
        self.subject = subject
        self.reason = reason
        self.firstSeen = firstSeen
        self.severity = severity
        self.remedy = remedy
    }

    /// Identity across evaluations: the clause and the subject.
    public var id: String { "\(clause)/\(subject)" }
}
