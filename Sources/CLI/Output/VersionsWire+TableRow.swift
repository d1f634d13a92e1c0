import Wire

/// Columns of `az aks get-versions -o table`: each patch version with its upgrades.
extension KubernetesVersionListWire {
    static let columns = ["KubernetesVersion", "Upgrades", "SupportPlan"]

    var rows: [[String]] {
        values.sorted { VersionOrder.less($1.version, $0.version) }.flatMap { minor in
            let plans = (minor.capabilities?.supportPlan ?? []).joined(separator: ", ")
            let patches = (minor.patchVersions ?? [:]).sorted { VersionOrder.less($1.key, $0.key) }
            guard !patches.isEmpty else { return [[minor.version, "None available", plans]] }
            return patches.map { patch, info in
                let upgrades = info.upgrades.isEmpty ? "None available" : info.upgrades.joined(separator: ", ")
                return [patch + (minor.isPreview == true ? "(preview)" : ""), upgrades, plans]
            }
        }
    }
}

/// Columns of `az aks get-upgrades -o table`.
extension UpgradeProfileWire: TableRow {
    static let columns = ["Name", "ResourceGroup", "MasterVersion", "Upgrades"]

    var cells: [String] {
        let upgrades = (properties.controlPlaneProfile.upgrades ?? []).map(\.kubernetesVersion)
        return [
            name, ResourceID.resourceGroup(of: id).cell, properties.controlPlaneProfile.kubernetesVersion,
            upgrades.isEmpty ? "None available" : upgrades.joined(separator: ", "),
        ]
    }
}

/// Orders dotted version strings numerically (`1.31.10` after `1.31.9`).
enum VersionOrder {
    static func less(_ left: String, _ right: String) -> Bool {
        let a = left.split(separator: ".").map { Int($0) ?? 0 }
        let b = right.split(separator: ".").map { Int($0) ?? 0 }
        return a.lexicographicallyPrecedes(b)
    }
}
