/// POLICY SUP4 on the wire: `GET {clusterId}/supportability` (the tenant's view of one
/// cluster) shaped as an ARM child resource, and `GET /admin/supportability` (the fleet).
public struct SupportabilityWire: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var type: String
    public var properties: SupportabilityPropertiesWire

    public init(id: String, name: String = "default", type: String = "Microsoft.ContainerService/managedClusters/supportability", properties: SupportabilityPropertiesWire) {
        self.id = id
        self.name = name
        self.type = type
        self.properties = properties
    }
}

public struct SupportabilityPropertiesWire: Codable, Sendable, Equatable {
    /// `Supported`, `Unsupported` or `BestEffort`.
    public var status: String
    /// When the service evaluated the policy (RFC 3339, service clock).
    public var evaluatedAt: String
    /// Most severe first.
    public var findings: [FindingWire]
    /// What brings the cluster back into support, in the order of the findings.
    public var remedies: [String]

    public init(status: String, evaluatedAt: String, findings: [FindingWire], remedies: [String]) {
        self.status = status
        self.evaluatedAt = evaluatedAt
        self.findings = findings
        self.remedies = remedies
    }
}

/// One reason by clause id (POLICY.md), with when it was first seen and the remedy.
public struct FindingWire: Codable, Sendable, Equatable {
    public var clause: String
    /// The clause's rule as POLICY.md states it.
    public var clauseText: String
    public var subject: String
    public var reason: String
    /// `Unsupported`, `BestEffort` or `Notice`.
    public var severity: String
    public var firstSeen: String
    public var remedy: String

    public init(clause: String, clauseText: String, subject: String, reason: String, severity: String, firstSeen: String, remedy: String) {
        self.clause = clause
        self.clauseText = clauseText
        self.subject = subject
        self.reason = reason
        self.severity = severity
        self.firstSeen = firstSeen
        self.remedy = remedy
    }
}

/// `GET /admin/supportability`: every cluster's status and findings, and counts per status.
public struct FleetSupportabilityWire: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var clusterId: String
        public var status: String
        public var evaluatedAt: String
        public var findings: [FindingWire]

        public init(clusterId: String, status: String, evaluatedAt: String, findings: [FindingWire]) {
            self.clusterId = clusterId
            self.status = status
            self.evaluatedAt = evaluatedAt
            self.findings = findings
        }
    }

    public var value: [Entry]
    /// Clusters per status (`Supported`, `Unsupported`, `BestEffort`).
    public var summary: [String: Int]

    public init(value: [Entry], summary: [String: Int]) {
        self.value = value
        self.summary = summary
    }
}
