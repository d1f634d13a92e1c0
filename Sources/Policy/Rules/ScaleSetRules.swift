import Foundation

/// POLICY N3 and N11: a pool's scale set or its instances changed through IaaS directly.
enum ScaleSetRules {
    /// N3: capacity or VM size differs from what the service applied; instances deallocated,
    /// powered off, restarted, reimaged or deleted outside the service.
    static func directChanges(_ facts: ClusterFacts, _ now: Date) -> [Clause.Detection] {
        facts.pools.flatMap { pool -> [Clause.Detection] in
            var found: [Clause.Detection] = []
            let (applied, observed) = (pool.applied, pool.observed)
            if applied.capacity != observed.capacity {
                found.append(
                    .init(
                        subject: "\(pool.scaleSet)/capacity",
                        reason:
                            "scale set \(pool.scaleSet) capacity changed \(applied.capacity) -> \(observed.capacity) outside the service"))
            }
            if applied.sku != observed.sku {
                found.append(
                    .init(
                        subject: "\(pool.scaleSet)/sku",
                        reason: "scale set \(pool.scaleSet) VM size changed \(applied.sku) -> \(observed.sku) outside the service"))
            }
            for instance in pool.instances {
                for change in VMInstanceFacts.OutOfBandChange.allCases where instance.outOfBand.contains(change) {
                    found.append(
                        .init(
                            subject: "\(instance.name)/\(change)",
                            reason: "instance \(instance.name) of scale set \(pool.scaleSet) \(change.rawValue) outside the service"))
                }
            }
            return found
        }
    }

    /// N11: an extension added, removed or changed on a scale set outside the service.
    static func extensionChanges(_ facts: ClusterFacts, _ now: Date) -> [Clause.Detection] {
        facts.pools.flatMap { pool -> [Clause.Detection] in
            let applied = Dictionary(pool.applied.extensions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            let observed = Dictionary(pool.observed.extensions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            return Set(applied.keys).union(observed.keys).sorted().compactMap { name -> Clause.Detection? in
                let subject = "\(pool.scaleSet)/extensions/\(name)"
                switch (applied[name], observed[name]) {
                case (nil, let added?):
                    return .init(
                        subject: subject,
                        reason: "extension \(name) (\(added.type) \(added.version)) added to scale set \(pool.scaleSet) outside the service"
                    )
                case (_?, nil):
                    return .init(subject: subject, reason: "extension \(name) removed from scale set \(pool.scaleSet) outside the service")
                case (let was?, let current?) where was != current:
                    return .init(
                        subject: subject,
                        reason:
                            "extension \(name) on scale set \(pool.scaleSet) changed \(was.type) \(was.version) -> \(current.type) \(current.version) outside the service"
                    )
                default:
                    return nil
                }
            }
        }
    }
}
