import Foundation
import ManagementStore

/// What one reconcile pass concluded (controller-runtime's shape).
public enum ReconcileResult: Sendable, Equatable {
    /// Observed state matches desired state.
    case done
    /// Work remains; call again after this many seconds of the service clock.
    case requeue(after: TimeInterval)
    /// The desired state cannot be reached; the operation fails with this error.
    case failed(OperationError)
}
