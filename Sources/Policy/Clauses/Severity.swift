/// What a finding does to a cluster's supportability (see `SupportabilityReport.Status`).
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    /// Customisation outside the service or a state out of support: the cluster is Unsupported (SUP4).
    case unsupported
    /// A preview feature in use: support is best effort, in business hours (F2).
    case bestEffort
    /// No change to supportability; announces a lifecycle action (stop, delete) to come.
    case notice

    private var rank: Int {
        switch self {
        case .unsupported: 0
        case .bestEffort: 1
        case .notice: 2
        }
    }

    /// Most severe first.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
