import Foundation

/// Tunables of a cluster's controllers, with upstream's defaults.
public struct ClusterControllerSettings: Sendable {
    /// How long a node's lease may go unrenewed before it is Unknown (`node-monitor-grace-period`).
    public var nodeMonitorGracePeriod: TimeInterval
    /// How long pods tolerate a not-ready or unreachable node unless they say otherwise
    /// (`DefaultTolerationSeconds`).
    public var defaultTolerationSeconds: Int64
    /// How often (service seconds) the workload controllers (pod GC, Deployment, ReplicaSet,
    /// DaemonSet, scheduler) run on the tick when nothing they watch has changed: what only time
    /// changes (`minReadySeconds`, `progressDeadlineSeconds`) is judged within this long of
    /// falling due. A relevant change runs them at once, whatever this says.
    public var workloadResyncSeconds: TimeInterval

    public init(nodeMonitorGracePeriod: TimeInterval = 40, defaultTolerationSeconds: Int64 = 300, workloadResyncSeconds: TimeInterval = 5) {
        self.nodeMonitorGracePeriod = nodeMonitorGracePeriod
        self.defaultTolerationSeconds = defaultTolerationSeconds
        self.workloadResyncSeconds = workloadResyncSeconds
    }
}
