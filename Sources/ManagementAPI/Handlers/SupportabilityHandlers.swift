import Core
import Foundation
import Hummingbird
import Policy
import Reconcile
import Wire

/// POLICY SUP4: the supportability report. Each read evaluates the policy first (facts from
/// the store and the simulated IaaS, the service clock), so the report is current; the
/// findings and their first-seen times are kept in the management store.
enum SupportabilityHandlers {
    static var routes: [Route] {
        [
            Route(
                .get, "\(ManagedClusterHandlers.base)/{resourceName}/supportability", name: "managedClusters/supportability",
                handler: cluster),
            Route(.get, "admin/supportability", name: "admin/supportability", access: .admin, versioned: false, handler: fleet),
        ]
    }

    static func drift(_ call: APICall) throws(ServiceError) -> DriftController {
        guard let drift = call.env.drift else {
            throw ServiceError.conflict(message: "Drift detection is not running on this replica.")
        }
        return drift
    }

    static func cluster(_ call: APICall) async throws -> Response {
        let id = try ManagedClusterHandlers.clusterID(call)
        let cluster = try await ManagedClusterHandlers.load(call, id)
        let result = try await drift(call).evaluate(cluster)
        let report = result.report
        return try JSONResponse.make(.ok, SupportabilityWire(
            id: "\(cluster.id.armID)/supportability/default",
            properties: SupportabilityPropertiesWire(
                status: report.status.rawValue, evaluatedAt: ARMTime.string(from: result.evaluatedAt),
                findings: report.findings.map(wire), remedies: report.remedies)))
    }

    static func fleet(_ call: APICall) async throws -> Response {
        let results = try await drift(call).evaluateAll()
        var summary: [String: Int] = [:]
        for status in [SupportabilityReport.Status.supported, .unsupported, .bestEffort] { summary[status.rawValue] = 0 }
        let value = results.map { result -> FleetSupportabilityWire.Entry in
            summary[result.report.status.rawValue, default: 0] += 1
            return FleetSupportabilityWire.Entry(
                clusterId: result.cluster.armID, status: result.report.status.rawValue, evaluatedAt: ARMTime.string(from: result.evaluatedAt),
                findings: result.report.findings.map(wire))
        }
        return try JSONResponse.make(.ok, FleetSupportabilityWire(value: value, summary: summary))
    }

    static let clauseText = Dictionary(Clause.all.map { ($0.id, $0.rule) }, uniquingKeysWith: { a, _ in a })

    static func wire(_ finding: Finding) -> FindingWire {
        FindingWire(
            clause: finding.clause.rawValue, clauseText: clauseText[finding.clause] ?? "", subject: finding.subject, reason: finding.reason,
            severity: severity(finding.severity), firstSeen: ARMTime.string(from: finding.firstSeen), remedy: finding.remedy)
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .unsupported: "Unsupported"
        case .bestEffort: "BestEffort"
        case .notice: "Notice"
        }
    }
}
