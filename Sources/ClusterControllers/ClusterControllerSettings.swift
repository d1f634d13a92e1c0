import Foundation

/// Tunables of a cluster's controllers, with upstream's defaults.
public struct ClusterControllerSettings: Sendable {
    /// How long a node's lease may go unrenewed before it is Unknown (`node-monitor-grace-period`).
    public var nodeMonitorGracePeriod: TimeInterval
    /// How long pods tolerate a not-ready or unreachable node unless they say otherwise
    /// (`DefaultTolerationSeconds`).
    public var defaultTolerationSeconds: Int64

    public init(nodeMonitorGracePeriod: TimeInterval = 40, defaultTolerationSeconds: Int64 = 300) {
        self.nodeMonitorGracePeriod = nodeMonitorGracePeriod
        self.defaultTolerationSeconds = defaultTolerationSeconds
    }
}
