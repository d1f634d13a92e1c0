import KubeAPI

/// The arithmetic of a rolling update, as upstream's `deployment/util` does it.
enum RolloutMath {
    /// An `IntOrString` (`1`, `"25%"`) against `total`: percentages round up for surge, down
    /// for unavailability (upstream `GetScaledValueFromIntOrPercent`).
    static func scaled(_ value: JSON?, total: Int64, roundUp: Bool, default fallback: String = "25%") -> Int64 {
        let value = value ?? .string(fallback)
        if let int = value.intValue { return max(0, int) }
        guard let text = value.stringValue else { return 0 }
        if text.hasSuffix("%"), let percent = Double(text.dropLast()) {
            let exact = percent * Double(total) / 100
            return max(0, Int64(roundUp ? exact.rounded(.up) : exact.rounded(.down)))
        }
        return max(0, Int64(text) ?? 0)
    }

    /// maxSurge and maxUnavailable of a RollingUpdate Deployment; both zero becomes
    /// unavailable 1 so a rollout can progress (upstream `ResolveFenceposts`).
    static func fenceposts(_ deployment: JSON) -> (surge: Int64, unavailable: Int64) {
        let replicas = deployment[path: ["spec", "replicas"]]?.intValue ?? 1
        guard deployment[path: ["spec", "strategy", "type"]]?.stringValue != "Recreate" else { return (0, 0) }
        let rolling = deployment[path: ["spec", "strategy", "rollingUpdate"]]
        let surge = scaled(rolling?["maxSurge"], total: replicas, roundUp: true)
        var unavailable = scaled(rolling?["maxUnavailable"], total: replicas, roundUp: false)
        if surge == 0 && unavailable == 0 { unavailable = 1 }
        return (surge, min(unavailable, replicas))
    }

    /// The new ReplicaSet's size this step (upstream `NewRSNewReplicas` for RollingUpdate):
    /// grow it as far as the surge allows while the total stays within replicas + maxSurge.
    static func newReplicaSetSize(wanted: Int64, surge: Int64, newSize: Int64, totalSize: Int64) -> Int64 {
        if newSize >= wanted { return wanted }
        let room = wanted + surge - totalSize
        if room <= 0 { return newSize }
        return newSize + min(room, wanted - newSize)
    }
}
