/// ARM `provisioningState` of clusters and agent pools.
public enum ProvisioningState: String, Codable, Sendable, CaseIterable {
    case creating = "Creating"
    case updating = "Updating"
    case scaling = "Scaling"
    case deleting = "Deleting"
    case stopping = "Stopping"
    case starting = "Starting"
    case upgrading = "Upgrading"
    case upgradingNodeImageVersion = "UpgradingNodeImageVersion"
    case canceling = "Canceling"
    case succeeded = "Succeeded"
    case failed = "Failed"
    case canceled = "Canceled"

    public var isTerminal: Bool { self == .succeeded || self == .failed || self == .canceled }
}

/// `powerState.code` of clusters and pools.
public enum PowerState: String, Codable, Sendable {
    case running = "Running"
    case stopped = "Stopped"
}
