import KubeAPI

/// Capacity and allocatable of a node from its VM size, with AKS's kube-reserved and
/// eviction thresholds taken off allocatable.
enum NodeResources {
    /// The OS disk as the kubelet sees it (a 128 GB managed disk), in KiB.
    static let ephemeralStorageKi: Int64 = 129_886_128

    /// AKS CPU reservation by core count (millicores), the documented table.
    static let reservedCPU: [(cores: Int, millicores: Int64)] = [
        (1, 60), (2, 100), (4, 140), (8, 180), (16, 260), (32, 420), (64, 740),
    ]

    /// Memory the VM shows the kernel: the size minus firmware and kernel reservations (~3%).
    static func memoryCapacityKi(_ spec: NodeAgentSpec) -> Int64 {
        Int64(spec.memoryGiB) * 1_048_576 * 97 / 100
    }

    static func cpuReservedMillicores(cores: Int) -> Int64 {
        reservedCPU.last(where: { $0.cores <= cores })?.millicores ?? 60
    }

    /// kube-reserved memory plus the hard eviction threshold, in KiB. From 1.29 AKS reserves
    /// min(20 MiB per max pod + 50 MiB, 25% of memory) and evicts below 100 MiB; before, a
    /// regressive rate (25% of the first 4 GB, 20% of the next 4, 10% of the next 8, 6% up to
    /// 128 GB, 2% above) and 750 MiB.
    static func memoryReservedKi(_ spec: NodeAgentSpec) -> Int64 {
        let totalKi = Int64(spec.memoryGiB) * 1_048_576
        if KubernetesVersion.minor(of: spec.kubernetesVersion) >= 29 {
            let perPods = (20 * Int64(spec.maxPods) + 50) * 1_024
            return min(perPods, totalKi / 4) + 100 * 1_024
        }
        let bands: [(upToGiB: Int64, percent: Int64)] = [(4, 25), (8, 20), (16, 10), (128, 6), (Int64.max / 1_048_576, 2)]
        var reserved: Int64 = 0
        var lower: Int64 = 0
        for band in bands where totalKi > lower {
            let upper = min(totalKi, band.upToGiB * 1_048_576)
            reserved += (upper - lower) * band.percent / 100
            lower = upper
        }
        return reserved + 750 * 1_024
    }

    static func capacity(_ spec: NodeAgentSpec) -> JSON {
        [
            "cpu": .string(String(spec.cores)), "memory": .string("\(memoryCapacityKi(spec))Ki"),
            "pods": .string(String(spec.maxPods)), "ephemeral-storage": .string("\(ephemeralStorageKi)Ki"),
            "hugepages-1Gi": "0", "hugepages-2Mi": "0",
        ]
    }

    static func allocatable(_ spec: NodeAgentSpec) -> JSON {
        let cpu = Int64(spec.cores) * 1_000 - cpuReservedMillicores(cores: spec.cores)
        let memory = max(0, memoryCapacityKi(spec) - memoryReservedKi(spec))
        let storageBytes = ephemeralStorageKi * 1_024 * 9 / 10  // nodefs.available<10%
        return [
            "cpu": .string("\(cpu)m"), "memory": .string("\(memory)Ki"), "pods": .string(String(spec.maxPods)),
            "ephemeral-storage": .string(String(storageBytes)), "hugepages-1Gi": "0", "hugepages-2Mi": "0",
        ]
    }
}

/// Reading `major.minor.patch` version strings.
enum KubernetesVersion {
    /// The minor number of `1.33.4` (33), or 0 when unreadable.
    static func minor(of version: String) -> Int {
        let parts = version.split(separator: ".")
        return parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    }
}
