import Foundation

/// One clause of the support policy as data: its id, section, rule, how the service
/// handles it, the remedy a tenant can act on, and (for detected clauses) the rule function.
public struct Clause: Sendable, Identifiable {
    /// The section of `spec/POLICY.md` a clause belongs to.
    public enum Area: String, Sendable, CaseIterable {
        case controlPlane, agentNodes, security, lifecycle, scope
    }

    /// What the service does about a clause.
    public enum Handling: String, Sendable {
        /// The service performs it, or rejects requests that would break it.
        case enforced
        /// Evaluated from observed facts into findings (changes that bypass the service).
        case detected
        /// Shown to tenants or the provider (reports, notifications), neither blocked nor a finding.
        case reported
    }

    public let id: ClauseID
    public let area: Area
    /// The rule in one sentence, paraphrasing `spec/POLICY.md`.
    public let rule: String
    public let handling: Handling
    /// What a tenant does to comply again, or what happens without them.
    public let remedy: String
    /// Present exactly when `handling == .detected`.
    public let check: Check?

    public init(id: ClauseID, area: Area, rule: String, handling: Handling, remedy: String, check: Check? = nil) {
        self.id = id
        self.area = area
        self.rule = rule
        self.handling = handling
        self.remedy = remedy
        self.check = check
    }
}

extension Clause {
    /// A detected clause's rule: the severity its findings carry and a pure function from
    /// facts and the clock to what it sees.
    public struct Check: Sendable {
        public let severity: Severity
        public let detect: @Sendable (ClusterFacts, Date) -> [Detection]

        public init(severity: Severity, detect: @escaping @Sendable (ClusterFacts, Date) -> [Detection]) {
            self.severity = severity
            self.detect = detect
        }
    }

    /// One thing a rule sees. `subject` identifies it across evaluations (so first-seen
    /// survives a changed reason); `reason` says what is wrong in the tenant's words.
    public struct Detection: Sendable, Equatable {
        public let subject: String
        public let reason: String

        public init(subject: String, reason: String) {
            self.subject = subject
            self.reason = reason
        }
    }
}
