import Core
import Foundation
import ManagementStore

/// Turns an `AgentPoolRequest` into a validated `AgentPoolSpec` (POLICY N1, N4, CP3).
struct AgentPoolValidation {
    let catalogs: Catalogs
    /// Concrete control-plane version the pool must match or trail.
    let controlPlaneVersion: String

    static let countRange = 0...1000
    static let maxPodsRange = 10...250
    static let osTypes = ["Linux", "Windows"]
    static let osSKUs = ["Linux": ["Ubuntu", "AzureLinux"], "Windows": ["Windows2022"]]
    static let taintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]

    /// Validates `request`, filling defaults from `existing` (update) or the catalogs (create).
    func spec(for request: AgentPoolRequest, existing: AgentPoolSpec?) throws(ServiceError) -> AgentPoolSpec {
        let t = request.target
        try ResourceNameRules.validateAgentPoolName(request.name, target: "\(t).name")
        let modeText = request.mode ?? existing?.mode.rawValue ?? "User"
        guard let mode = AgentPoolSpec.Mode(rawValue: modeText) else {
            throw .invalidParameter(target: "\(t).mode", message: "Mode '\(modeText)' is not supported. Allowed values: System, User.")
        }
        let count = request.count ?? existing?.count ?? (mode == .system ? 3 : 1)
        guard Self.countRange.contains(count) else {
            throw .invalidParameter(target: "\(t).count", message: "The count \(count) is out of range: \(Self.countRange.lowerBound)-\(Self.countRange.upperBound).")
        }
        if mode == .system, count < 1 {
            throw .invalidParameter(target: "\(t).count", message: "A System pool needs at least 1 node.")
        }
        let vmSize = try catalogs.vmSizes.resolve(request.vmSize ?? existing?.vmSize ?? "", target: "\(t).vmSize")
        if let existing, vmSize.name != existing.vmSize {
            throw .invalidParameter(target: "\(t).vmSize", message: "The VM size of an existing pool cannot change; add a new pool instead.")
        }
        let osType = request.osType ?? existing?.osType ?? "Linux"
        guard let skus = Self.osSKUs[osType] else {
            throw .invalidParameter(target: "\(t).osType", message: "OS type '\(osType)' is not supported. Allowed values: \(Self.osTypes.joined(separator: ", ")).")
        }
        if osType == "Windows", mode == .system {
            throw .invalidParameter(target: "\(t).mode", message: "System pools must run Linux.")
        }
        let osSKU = request.osSKU ?? existing?.osSKU ?? skus[0]
        guard skus.contains(osSKU) else {
            throw .invalidParameter(target: "\(t).osSKU", message: "OS SKU '\(osSKU)' is not supported for \(osType). Allowed values: \(skus.joined(separator: ", ")).")
        }
        let maxPods = request.maxPods ?? existing?.maxPods ?? vmSize.maxPods
        guard Self.maxPodsRange.contains(maxPods) else {
            throw .invalidParameter(target: "\(t).maxPods", message: "maxPods \(maxPods) is out of range: 10-250.")
        }
        let type = request.type ?? existing?.type ?? "VirtualMachineScaleSets"
        guard type == "VirtualMachineScaleSets" else {
            throw .invalidParameter(target: "\(t).type", message: "Agent pool type '\(type)' is not supported. Allowed value: VirtualMachineScaleSets.")
        }
        let osDisk = request.osDiskSizeGB ?? existing?.osDiskSizeGB ?? 128
        guard (30...2048).contains(osDisk) else {
            throw .invalidParameter(target: "\(t).osDiskSizeGB", message: "osDiskSizeGB \(osDisk) is out of range: 30-2048.")
        }
        let version = try orchestratorVersion(request.orchestratorVersion, existing: existing?.orchestratorVersion, target: "\(t).orchestratorVersion")
        let autoscale = request.enableAutoScaling ?? existing?.enableAutoScaling ?? false
        let minCount = autoscale ? (request.minCount ?? existing?.minCount) : nil
        let maxCount = autoscale ? (request.maxCount ?? existing?.maxCount) : nil
        if autoscale {
            guard let minCount, let maxCount, minCount <= maxCount, Self.countRange.contains(minCount), Self.countRange.contains(maxCount) else {
                throw .invalidParameter(target: "\(t).minCount", message: "With autoscaling, minCount and maxCount are required and minCount <= maxCount (0-1000).")
            }
            guard (minCount...maxCount).contains(count) else {
                throw .invalidParameter(target: "\(t).count", message: "The count \(count) must lie between minCount \(minCount) and maxCount \(maxCount).")
            }
        }
        let labels = request.nodeLabels ?? existing?.nodeLabels ?? [:]
        for key in labels.keys.sorted() where ReservedMetadata.isReservedLabel(key) && existing?.nodeLabels[key] != labels[key] {
            throw .reservedMetadata(target: "\(t).nodeLabels", key: key)
        }
        let taints = request.nodeTaints ?? existing?.nodeTaints ?? []
        for taint in taints where !Self.isValidTaint(taint) {
            throw .invalidParameter(target: "\(t).nodeTaints", message: "The taint '\(taint)' is invalid: expected key=value:Effect with Effect one of \(Self.taintEffects.joined(separator: ", ")).")
        }
        let tags = request.tags ?? existing?.tags ?? [:]
        try TagRules.check(tags, previous: existing?.tags ?? [:], target: "\(t).tags")
        let subnet = try Self.subnet(request.vnetSubnetID, existing: existing, target: "\(t).vnetSubnetID")
        return AgentPoolSpec(
            count: count, vmSize: vmSize.name, osType: osType, osSKU: osSKU, osDiskSizeGB: osDisk, mode: mode,
            orchestratorVersion: version, maxPods: maxPods, type: type,
            availabilityZones: request.availabilityZones ?? existing?.availabilityZones ?? [], enableAutoScaling: autoscale,
            minCount: minCount, maxCount: maxCount, nodeLabels: labels, nodeTaints: taints, tags: tags,
            maxSurge: request.maxSurge ?? existing?.maxSurge ?? "10%", vnetSubnetID: subnet)
    }

    /// Bring-your-own subnet: an ARM subnet id, fixed at creation (as AKS). Whether it exists
    /// is checked when the pool's scale set is placed in it.
    static func subnet(_ requested: String?, existing: AgentPoolSpec?, target: String) throws(ServiceError) -> String? {
        let wanted = requested.flatMap { $0.isEmpty ? nil : $0 }
        if let existing {
            if let wanted, wanted.lowercased() != existing.vnetSubnetID?.lowercased() {
                throw .invalidParameter(target: target, message: "The subnet of an existing pool cannot change; add a new pool instead.")
            }
            return existing.vnetSubnetID
        }
        guard let wanted else { return nil }
        let parts = wanted.split(separator: "/", omittingEmptySubsequences: false).map { $0.lowercased() }
        let shape = ["", "subscriptions", nil, "resourcegroups", nil, "providers", "microsoft.network", "virtualnetworks", nil, "subnets", nil]
        guard parts.count == shape.count, zip(parts, shape).allSatisfy({ part, expected in expected.map { $0 == part } ?? !part.isEmpty }) else {
            throw .invalidParameter(
                target: target,
                message: "'\(wanted)' is not a subnet id: expected /subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Network/virtualNetworks/{vnet}/subnets/{subnet}.")
        }
        return wanted
    }

    /// Pools run the control-plane version or up to two minors behind it, never ahead.
    private func orchestratorVersion(_ requested: String?, existing: String?, target: String) throws(ServiceError) -> String {
        let wanted = requested ?? ""
        if wanted.isEmpty { return existing ?? controlPlaneVersion }
        let resolved: String
        if wanted.split(separator: ".").count == 2, controlPlaneVersion.hasPrefix(wanted + ".") {
            resolved = controlPlaneVersion
        } else {
            resolved = try catalogs.versions.resolve(wanted, at: catalogs.now, target: target)
        }
        if KubernetesVersionCatalog.isOlder(controlPlaneVersion, resolved) {
            throw .invalidParameter(target: target, message: "The pool version \(resolved) cannot be newer than the control plane's \(controlPlaneVersion).")
        }
        let cp = controlPlaneVersion.split(separator: ".").compactMap { Int($0) }
        let pool = resolved.split(separator: ".").compactMap { Int($0) }
        if cp.count >= 2, pool.count >= 2, cp[1] - pool[1] > 2 {
            throw .invalidParameter(target: target, message: "The pool version \(resolved) is more than two minor versions behind the control plane's \(controlPlaneVersion).")
        }
        return resolved
    }

    static func isValidTaint(_ taint: String) -> Bool {
        let parts = taint.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, taintEffects.contains(String(parts[1])) else { return false }
        let key = parts[0].split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
        return !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || "-._/".contains($0) }
    }
}

/// The catalogs requests are validated against, and the instant they are read at.
public struct Catalogs: Sendable {
    public var versions: KubernetesVersionCatalog
    public var vmSizes: VMSizeCatalog
    public var nodeImages: NodeImageCatalog
    public var now: Date

    public init(versions: KubernetesVersionCatalog = .standard, vmSizes: VMSizeCatalog = .standard, nodeImages: NodeImageCatalog = .standard, now: Date) {
        self.versions = versions
        self.vmSizes = vmSizes
        self.nodeImages = nodeImages
        self.now = now
    }
}

/// Tag rules shared by clusters and pools (POLICY N4): reserved keys cannot be added or changed.
enum TagRules {
    static func check(_ tags: [String: String], previous: [String: String], target: String) throws(ServiceError) {
        if tags.count > 50 {
            throw .invalidParameter(target: target, message: "At most 50 tags are allowed.")
        }
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
            if key.isEmpty || key.count > 512 || value.count > 256 {
                throw .invalidParameter(target: "\(target).\(key)", message: "Tag names are 1-512 characters and values at most 256.")
            }
            if ReservedMetadata.isReservedTag(key), previous[key] != value {
                throw .reservedMetadata(target: target, key: key)
            }
        }
        for key in previous.keys where ReservedMetadata.isReservedTag(key) && tags[key] == nil {
            throw .reservedMetadata(target: target, key: key)
        }
    }
}
