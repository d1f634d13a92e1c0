import Core
import Foundation

/// The kinds of long-running operation the service accepts.
public enum OperationKind: String, Codable, Sendable, CaseIterable {
    case createOrUpdateCluster
    case updateClusterTags
    case deleteCluster
    case stopCluster
    case startCluster
    case createOrUpdateAgentPool
    case deleteAgentPool

    /// Words used in "an in-progress ... operation" messages, as AKS phrases them.
    public var displayName: String {
        switch self {
        case .createOrUpdateCluster: return "create or update managed cluster"
        case .updateClusterTags: return "update managed cluster tags"
        case .deleteCluster: return "delete managed cluster"
        case .stopCluster: return "stop managed cluster"
        case .startCluster: return "start managed cluster"
        case .createOrUpdateAgentPool: return "create or update agent pool"
        case .deleteAgentPool: return "delete agent pool"
        }
    }
}

/// ARM operation status values.
public enum OperationState: String, Codable, Sendable {
    case inProgress = "InProgress"
    case succeeded = "Succeeded"
    case failed = "Failed"
    case canceled = "Canceled"

    public var isTerminal: Bool { self != .inProgress }
}

/// The error an operation ended with, in ARM's terms.
public struct OperationError: Codable, Sendable, Equatable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// A long-running operation: recorded before the API answers 201/202, run by whichever
/// replica holds its lease, resumed after a crash.
public struct OperationRecord: Codable, Sendable, Equatable {
    public var id: String
    public var kind: OperationKind
    public var cluster: ClusterID
    /// Set for agent pool operations.
    public var agentPool: String?
    public var location: String
    public var state: OperationState
    public var error: OperationError?
    public var startTime: Date
    public var endTime: Date?
    /// Which replica runs it and until when its claim holds.
    public var leaseOwner: String?
    public var leaseExpiry: Date?
    /// How many times a runner has picked it up (more than one means it resumed).
    public var attempts: Int

    public init(
        id: String = UUIDv4.make(), kind: OperationKind, cluster: ClusterID, agentPool: String? = nil, location: String,
        state: OperationState = .inProgress, error: OperationError? = nil, startTime: Date, endTime: Date? = nil,
        leaseOwner: String? = nil, leaseExpiry: Date? = nil, attempts: Int = 0
    ) {
        self.id = id
        self.kind = kind
        self.cluster = cluster
        self.agentPool = agentPool
        self.location = location
        self.state = state
        self.error = error
        self.startTime = startTime
        self.endTime = endTime
        self.leaseOwner = leaseOwner
        self.leaseExpiry = leaseExpiry
        self.attempts = attempts
    }
}
