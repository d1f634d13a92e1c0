import Foundation

/// An action the lifecycle controller must take on a cluster, with the clause that requires
/// it and when it fell due. The controller applies it idempotently.
public struct LifecycleDecision: Sendable, Equatable {
    /// What to do to the cluster.
    public enum Action: String, Sendable, Equatable {
        /// Stop the cluster as a customer stop would (L2, L3, L5); L1 then applies.
        case stopCluster
        /// Delete the cluster with all its resources (L1, L5).
        case deleteCluster
        /// Release the control plane's resources, keeping its last etcd backup (L4).
        case archiveControlPlane
    }

    public let action: Action
    public let clause: ClauseID
    public let reason: String
    /// The instant the grace period ended; never later than the `now` it was decided at.
    public let due: Date

    public init(action: Action, clause: ClauseID, reason: String, due: Date) {
        self.action = action
        self.clause = clause
        self.reason = reason
        self.due = due
    }
}
