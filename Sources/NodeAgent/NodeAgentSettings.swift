import Foundation

/// Timing and addressing of the simulated kubelets. `.kubelet` uses upstream's defaults.
public struct NodeAgentSettings: Sendable, Equatable {
    /// `spec.leaseDurationSeconds` of each node's Lease (kubelet: 40).
    public var leaseDurationSeconds: Int
    /// Renew the Lease when this much service-clock time has passed since the last renewal
    /// (kubelet: a quarter of the duration, 10 s).
    public var leaseRenewInterval: TimeInterval
    /// Post node status at least this often even when nothing changed (kubelet's
    /// `nodeStatusReportFrequency`, 5 min); changes are posted on the next tick.
    public var statusReportFrequency: TimeInterval
    /// Service-clock delay from ContainerCreating to Running (0: on the same watch event).
    public var podStartDelay: TimeInterval
    /// Service-clock delay from a pod's deletionTimestamp to its containers being stopped.
    public var podTerminationDelay: TimeInterval
    /// Per-node pod CIDRs are `/24`s carved from this `/16`'s first two octets (kubenet style).
    public var podNetworkPrefix: (UInt8, UInt8)
    /// How many nodes' writes a tick or sync runs at once.
    public var writeConcurrency: Int

    public init(
        leaseDurationSeconds: Int = 40, leaseRenewInterval: TimeInterval = 10, statusReportFrequency: TimeInterval = 300,
        podStartDelay: TimeInterval = 0, podTerminationDelay: TimeInterval = 0, podNetworkPrefix: (UInt8, UInt8) = (10, 244),
        writeConcurrency: Int = 8
    ) {
        self.leaseDurationSeconds = leaseDurationSeconds
        self.leaseRenewInterval = leaseRenewInterval
        self.statusReportFrequency = statusReportFrequency
        self.podStartDelay = podStartDelay
        self.podTerminationDelay = podTerminationDelay
        self.podNetworkPrefix = podNetworkPrefix
        self.writeConcurrency = max(1, writeConcurrency)
    }

    /// Upstream kubelet defaults.
    public static let kubelet = NodeAgentSettings()

    public static func == (a: NodeAgentSettings, b: NodeAgentSettings) -> Bool {
        a.leaseDurationSeconds == b.leaseDurationSeconds && a.leaseRenewInterval == b.leaseRenewInterval
            && a.statusReportFrequency == b.statusReportFrequency && a.podStartDelay == b.podStartDelay
            && a.podTerminationDelay == b.podTerminationDelay && a.podNetworkPrefix == b.podNetworkPrefix
            && a.writeConcurrency == b.writeConcurrency
    }
}
