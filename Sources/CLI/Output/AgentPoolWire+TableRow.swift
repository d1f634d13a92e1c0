import Wire

/// Columns of `az aks nodepool list -o table`.
extension AgentPoolWire: TableRow {
    static let columns = [
        "Name", "OsType", "KubernetesVersion", "VmSize", "Count", "MaxPods", "ProvisioningState", "Mode",
    ]

    var cells: [String] {
        let pool = properties ?? AgentPoolProfileWire()
        return [
            name ?? pool.name.cell, pool.osType.cell,
            (pool.currentOrchestratorVersion ?? pool.orchestratorVersion).cell, pool.vmSize.cell, pool.count.cell,
            pool.maxPods.cell, pool.provisioningState.cell, pool.mode.cell,
        ]
    }
}
