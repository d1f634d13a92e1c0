import Core
import Foundation
import ManagementStore

/// Turns a `ClusterRequest` into a validated `ClusterSpec` (CP3: only documented settings).
struct ClusterValidation {
    let catalogs: Catalogs

    static let skuTiers = ["Free", "Standard", "Premium"]
    static let identityTypes = ["SystemAssigned", "UserAssigned", "None"]
    static let supportPlans = ["KubernetesOfficial", "AKSLongTermSupport"]
    static let networkPlugins = ["azure", "kubenet", "none"]
    static let outboundTypes = ["loadBalancer", "userDefinedRouting", "managedNATGateway", "userAssignedNATGateway"]

    func spec(for request: ClusterRequest, id: ClusterID, existing: ManagedClusterRecord?) throws(ServiceError) -> ClusterSpec {
        let location = request.location
        guard !location.isEmpty, location.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw .invalidParameter(target: "location", message: "The location '\(location)' is invalid.")
        }
        if let existing, existing.location.lowercased() != location.lowercased() {
            throw .invalidParameter(target: "location", message: "The location of an existing cluster cannot change (it is '\(existing.location)').")
        }
        let version = try kubernetesVersion(request.kubernetesVersion, existing: existing?.spec.kubernetesVersion)
        let defaultPrefix = Self.defaultDNSPrefix(id)
        let dnsPrefix = nonEmpty(request.dnsPrefix) ?? existing?.spec.dnsPrefix ?? defaultPrefix
        try ResourceNameRules.validateDNSPrefix(dnsPrefix)
        if let existing, existing.spec.dnsPrefix.lowercased() != dnsPrefix.lowercased() {
            throw .invalidParameter(target: "properties.dnsPrefix", message: "The DNS prefix of an existing cluster cannot change.")
        }
        let nodeRG = nonEmpty(request.nodeResourceGroup) ?? existing?.spec.nodeResourceGroup ?? id.nodeResourceGroup(location: location)
        if let existing, existing.spec.nodeResourceGroup.lowercased() != nodeRG.lowercased() {
            throw .invalidParameter(target: "properties.nodeResourceGroup", message: "The node resource group of an existing cluster cannot change.")
        }
        let enableRBAC = request.enableRBAC ?? existing?.spec.enableRBAC ?? true
        if let existing, existing.spec.enableRBAC != enableRBAC {
            throw .invalidParameter(target: "properties.enableRBAC", message: "enableRBAC cannot change after creation.")
        }
        let tier = request.skuTier ?? existing?.spec.skuTier ?? "Free"
        try oneOf(tier, Self.skuTiers, target: "sku.tier")
        let skuName = request.skuName ?? existing?.spec.skuName ?? "Base"
        try oneOf(skuName, ["Base", "Automatic"], target: "sku.name")
        let identity = request.identityType ?? existing?.spec.identityType ?? "SystemAssigned"
        try oneOf(identity, Self.identityTypes, target: "identity.type")
        let plan = request.supportPlan ?? existing?.spec.supportPlan ?? "KubernetesOfficial"
        try oneOf(plan, Self.supportPlans, target: "properties.supportPlan")
        var network = existing?.spec.network ?? NetworkSpec()
        if let n = request.network {
            if let v = n.networkPlugin { try oneOf(v, Self.networkPlugins, target: "properties.networkProfile.networkPlugin"); network.networkPlugin = v }
            if let v = n.networkPluginMode { try oneOf(v, ["overlay"], target: "properties.networkProfile.networkPluginMode"); network.networkPluginMode = v }
            if let v = n.loadBalancerSku { try oneOf(v.lowercased(), ["standard", "basic"], target: "properties.networkProfile.loadBalancerSku"); network.loadBalancerSku = v.lowercased() }
            if let v = n.outboundType { try oneOf(v, Self.outboundTypes, target: "properties.networkProfile.outboundType"); network.outboundType = v }
            if let v = n.podCidr { try cidr(v, target: "properties.networkProfile.podCidr"); network.podCidr = v }
            if let v = n.serviceCidr { try cidr(v, target: "properties.networkProfile.serviceCidr"); network.serviceCidr = v }
            if let v = n.dnsServiceIP { network.dnsServiceIP = v }
        }
        if let existing, existing.spec.network != network {
            throw .invalidParameter(target: "properties.networkProfile", message: "The network profile of an existing cluster cannot change.")
        }
        return ClusterSpec(
            kubernetesVersion: version, dnsPrefix: dnsPrefix, enableRBAC: enableRBAC,
            disableLocalAccounts: request.disableLocalAccounts ?? existing?.spec.disableLocalAccounts ?? false,
            nodeResourceGroup: nodeRG, skuName: skuName, skuTier: tier, identityType: identity, supportPlan: plan, network: network)
    }

    /// Empty or absent keeps the current version (or the default on create); a change must be
    /// an upgrade the catalog offers (same minor later patch, or the next minor).
    private func kubernetesVersion(_ requested: String?, existing: String?) throws(ServiceError) -> String {
        let target = "properties.kubernetesVersion"
        guard let wanted = nonEmpty(requested) else {
            if let existing { return existing }
            return try catalogs.versions.resolve("", at: catalogs.now, target: target)
        }
        if let existing, existing == wanted || (wanted.split(separator: ".").count == 2 && existing.hasPrefix(wanted + ".")) {
            return existing
        }
        let resolved = try catalogs.versions.resolve(wanted, at: catalogs.now, target: target)
        if let existing, !catalogs.versions.upgrades(from: existing, at: catalogs.now).contains(resolved) {
            throw .invalidParameter(target: target, message: "Upgrading from \(existing) to \(resolved) is not allowed. Allowed upgrades: \(catalogs.versions.upgrades(from: existing, at: catalogs.now).joined(separator: ", ")).")
        }
        return resolved
    }

    static func defaultDNSPrefix(_ id: ClusterID) -> String {
        let raw = "\(id.name.prefix(10))-\(id.resourceGroup.prefix(16))-\(id.subscription.prefix(6))"
        let cleaned = String(raw.map { $0.isLetter || $0.isNumber ? $0 : "-" })
        return cleaned.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    private func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }

    private func oneOf(_ value: String, _ allowed: [String], target: String) throws(ServiceError) {
        guard allowed.contains(value) else {
            throw .invalidParameter(target: target, message: "The value '\(value)' is not supported. Allowed values: \(allowed.joined(separator: ", ")).")
        }
    }

    private func cidr(_ value: String, target: String) throws(ServiceError) {
        let parts = value.split(separator: "/")
        let octets = parts.first?.split(separator: ".").compactMap { UInt8($0) } ?? []
        guard parts.count == 2, octets.count == 4, let bits = Int(parts[1]), (8...30).contains(bits) else {
            throw .invalidParameter(target: target, message: "'\(value)' is not a valid IPv4 CIDR (a.b.c.d/8-30).")
        }
    }
}
