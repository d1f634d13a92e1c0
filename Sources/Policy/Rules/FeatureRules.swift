import Foundation

/// POLICY F1 and F2: alpha features make a cluster unsupported, preview features best effort.
enum FeatureRules {
    static func alphaFeatures(_ facts: ClusterFacts, _ now: Date) -> [Clause.Detection] {
        facts.alphaFeatures.sorted().map {
            .init(subject: "alpha/\($0)", reason: "alpha feature \($0) is enabled on cluster \(facts.cluster)")
        }
    }

    static func previewFeatures(_ facts: ClusterFacts, _ now: Date) -> [Clause.Detection] {
        facts.previewFeatures.sorted().map {
            .init(subject: "preview/\($0)", reason: "preview feature \($0) is in use on cluster \(facts.cluster)")
        }
    }
}
