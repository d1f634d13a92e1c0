import KubeAPI

/// Cpu (milli-cores), memory (bytes) and pod count: what the scheduler adds up and compares.
struct ResourceAmounts: Sendable, Equatable {
    var milliCPU: Int64 = 0
    var memory: Int64 = 0
    var pods: Int64 = 0

    init(milliCPU: Int64 = 0, memory: Int64 = 0, pods: Int64 = 0) {
        self.milliCPU = milliCPU
        self.memory = memory
        self.pods = pods
    }

    /// From a `requests` / `allocatable` map (`{"cpu": "500m", "memory": "1Gi", "pods": "110"}`).
    init(requests: JSON?) {
        milliCPU = Quantity.milli(requests?["cpu"])
        memory = Quantity.units(requests?["memory"])
        pods = Quantity.units(requests?["pods"])
    }

    static func + (lhs: ResourceAmounts, rhs: ResourceAmounts) -> ResourceAmounts {
        ResourceAmounts(milliCPU: lhs.milliCPU + rhs.milliCPU, memory: lhs.memory + rhs.memory, pods: lhs.pods + rhs.pods)
    }

    func maximum(_ other: ResourceAmounts) -> ResourceAmounts {
        ResourceAmounts(milliCPU: max(milliCPU, other.milliCPU), memory: max(memory, other.memory), pods: max(pods, other.pods))
    }

    /// Requests with upstream's scoring defaults for containers that request nothing
    /// (100m cpu, 200Mi memory), so empty pods still spread across nodes.
    var forScoring: ResourceAmounts {
        ResourceAmounts(milliCPU: milliCPU == 0 ? 100 : milliCPU, memory: memory == 0 ? 200 * 1_048_576 : memory, pods: pods)
    }
}
