import Core
import Foundation
import Infrastructure
import Logging
import ManagementStore
import Policy

/// POLICY N3, N4, N10, N11, SEC4, L2 detection and the SUP4 report: compares the simulated
/// IaaS with what the service last applied, runs the support policy over the result, and
/// records the findings with their first-seen times in the management store.
///
/// It runs after every IaaS write (`Infrastructure.changes()`), on a sweep over every
/// cluster (`sweepInterval` of wall time, which also catches changes made by another
/// replica or on a customer's own subnet), and whenever a report is read, so a report is
/// never older than the request for it. Changes through the service never count: the
/// service path updates the baseline together with the resource.
public struct DriftController: Sendable {
    let store: any ManagementStore
    let clock: any TimeSource
    let builder: ClusterFactsBuilder
    let logger: Logger

    public init(
        store: any ManagementStore, infrastructure: Infrastructure, clock: any TimeSource, versions: KubernetesVersionCatalog = .standard,
        logger: Logger = Logger(label: "hm.drift")
    ) {
        self.store = store
        self.clock = clock
        self.builder = ClusterFactsBuilder(store: store, infrastructure: infrastructure, versions: versions)
        self.logger = logger
    }

    /// Evaluates the cluster now, records the findings and returns its report.
    @discardableResult
    public func evaluate(_ cluster: ManagedClusterRecord) async throws -> ClusterSupportability {
        let now = clock.now()
        let previous = try await store.findings(cluster: cluster.id.key).map(Self.finding)
        let facts = try await builder.facts(for: cluster)
        let findings = SupportPolicy.evaluate(facts, previous: previous, now: now)
        let records = findings.map { Self.record($0, cluster: cluster.id.key) }
        if Set(records.map(\.id)) != Set(previous.map(\.id)) || records.map(\.reason).sorted() != previous.map(\.reason).sorted() {
            try await store.replaceFindings(cluster: cluster.id.key, with: records)
            for finding in findings where !previous.contains(where: { $0.id == finding.id }) {
                logger.info("finding", metadata: ["cluster": "\(cluster.id)", "clause": "\(finding.clause)", "reason": "\(finding.reason)"])
            }
        }
        return ClusterSupportability(cluster: cluster.id, report: SupportabilityReport(findings: findings), evaluatedAt: now)
    }

    /// Evaluates every cluster of every subscription (the fleet report and the sweep).
    public func evaluateAll() async throws -> [ClusterSupportability] {
        var reports: [ClusterSupportability] = []
        for subscription in try await store.subscriptions(tenantID: nil) {
            for cluster in try await store.clusters(subscription: subscription.id, resourceGroup: nil) where cluster.deletionRequestedAt == nil {
                reports.append(try await evaluate(cluster))
            }
        }
        return reports
    }

    /// Runs until cancelled: evaluates the owning cluster after each IaaS change, and every
    /// cluster every `sweepInterval` seconds of wall time (a liveness loop like health: it
    /// must not replay once per interval across a simulated 30-day jump).
    public func run(
        changes: AsyncStream<String>, infrastructure: Infrastructure, sweepInterval: TimeInterval = 30, pacing: any TimeSource = SystemClock()
    ) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                // A stream hands out what it buffered even after cancellation: stop at once.
                for await key in changes {
                    if Task.isCancelled { break }
                    await self.evaluate(nodeResourceGroupKey: key, infrastructure: infrastructure)
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    do {
                        _ = try await self.evaluateAll()
                    } catch where !Task.isCancelled {
                        self.logger.warning("drift sweep failed: \(error)")
                    } catch {}
                    try? await pacing.sleep(seconds: sweepInterval)
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    private func evaluate(nodeResourceGroupKey key: String, infrastructure: Infrastructure) async {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        do {
            guard let group = try await infrastructure.nodeResourceGroup(subscription: parts[0], name: parts[1]),
                let id = ClusterID(armID: group.clusterKey), let cluster = try await store.cluster(id), cluster.deletionRequestedAt == nil
            else { return }
            try await evaluate(cluster)
        } catch {
            guard !Task.isCancelled else { return }  // shutting down: the next start sweeps again
            logger.warning("drift evaluation failed", metadata: ["group": "\(key)", "error": "\(error)"])
        }
    }

    static func record(_ finding: Finding, cluster: String) -> FindingRecord {
        FindingRecord(
            clusterKey: cluster, clause: finding.clause.rawValue, subject: finding.subject, reason: finding.reason,
            firstSeen: finding.firstSeen, severity: finding.severity.rawValue, remedy: finding.remedy)
    }

    static func finding(_ record: FindingRecord) -> Finding {
        Finding(
            clause: ClauseID(rawValue: record.clause), subject: record.subject, reason: record.reason, firstSeen: record.firstSeen,
            severity: Severity(rawValue: record.severity) ?? .unsupported, remedy: record.remedy)
    }
}

/// One cluster's supportability as last evaluated.
public struct ClusterSupportability: Sendable {
    public let cluster: ClusterID
    public let report: SupportabilityReport
    public let evaluatedAt: Date
}
