import Foundation

/// The support policy's evaluation: cluster facts and the clock in, findings out. Pure; the
/// drift controller gathers the facts, persists the findings and passes them back next time.
public enum SupportPolicy {
    /// Runs every detected clause's rule over `facts`. A finding that was already in
    /// `previous` (same clause and subject) keeps its first-seen time, even if its reason
    /// changed; a new one is first seen `now`; one whose fact is gone is simply not returned.
    public static func evaluate(
        _ facts: ClusterFacts, previous: [Finding], now: Date, clauses: [Clause] = Clause.all
    ) -> [Finding] {
        let firstSeen = Dictionary(previous.map { ($0.id, $0.firstSeen) }, uniquingKeysWith: min)
        return clauses.flatMap { clause -> [Finding] in
            guard let check = clause.check else { return [] }
            return check.detect(facts, now).map { detection in
                let id = "\(clause.id)/\(detection.subject)"
                return Finding(
                    clause: clause.id, subject: detection.subject, reason: detection.reason,
                    firstSeen: firstSeen[id] ?? now, severity: check.severity, remedy: clause.remedy)
            }
        }
    }
}
