import Wire

/// Columns of `az aks list -o table`.
extension ManagedClusterWire: TableRow {
    static let columns = [
        "Name", "Location", "ResourceGroup", "KubernetesVersion", "CurrentKubernetesVersion", "ProvisioningState",
        "Fqdn",
    ]

    var cells: [String] {
        let cluster = properties ?? ManagedClusterPropertiesWire()
        return [
            name.cell, location.cell, ResourceID.resourceGroup(of: id).cell, cluster.kubernetesVersion.cell,
            cluster.currentKubernetesVersion.cell, cluster.provisioningState.cell, cluster.fqdn.cell,
        ]
    }
}

/// Reads parts of an ARM resource id.
enum ResourceID {
    /// The segment after `resourceGroups` (ARM ids spell it in either case).
    static func resourceGroup(of id: String?) -> String? {
        guard let id else { return nil }
        let segments = id.split(separator: "/").map(String.init)
        guard let index = segments.firstIndex(where: { $0.lowercased() == "resourcegroups" }),
            index + 1 < segments.count
        else { return nil }
        return segments[index + 1]
    }
}
