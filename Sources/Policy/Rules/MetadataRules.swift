import Core
import Foundation

/// POLICY N4: system-created tags and labels (reserved prefixes, `Core.ReservedMetadata`)
/// changed, removed or added outside the service. Customers' own keys are never findings.
enum MetadataRules {
    static func systemMetadataChanges(_ facts: ClusterFacts, _ now: Date) -> [Clause.Detection] {
        facts.metadata.flatMap { item -> [Clause.Detection] in
            let keys = Set(item.applied.keys).union(item.observed.keys).filter { isReserved($0, kind: item.kind) }.sorted()
            return keys.compactMap { key -> Clause.Detection? in
                let what = "system \(item.kind.rawValue) \(key)"
                let subject = "\(item.resource)/\(item.kind.rawValue)s/\(key)"
                switch (item.applied[key], item.observed[key]) {
                case (nil, let added?):
                    return .init(subject: subject, reason: "\(what)=\(added) added to \(item.resource) outside the service")
                case (_?, nil):
                    return .init(subject: subject, reason: "\(what) removed from \(item.resource) outside the service")
                case (let was?, let current?) where was != current:
                    return .init(subject: subject, reason: "\(what) on \(item.resource) changed \(was) -> \(current) outside the service")
                default:
                    return nil
                }
            }
        }
    }

    private static func isReserved(_ key: String, kind: MetadataFacts.Kind) -> Bool {
        switch kind {
        case .tag: ReservedMetadata.isReservedTag(key)
        case .label: ReservedMetadata.isReservedLabel(key)
        }
    }
}
