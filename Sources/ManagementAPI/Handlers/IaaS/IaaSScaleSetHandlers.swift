import Core
import Foundation
import Hummingbird
import Infrastructure
import Wire

/// `Microsoft.Compute/virtualMachineScaleSets`: get, lists, PUT and PATCH of an existing scale set
/// (capacity, sku, tags, extensions, NIC NSG). Only the service creates scale sets; a change here
/// is the customer's direct IaaS path and becomes drift (POLICY N3, N11).
enum IaaSScaleSetHandlers {
    static let base = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets"

    static var routes: [Route] {
        let v = IaaSAPIVersions.compute
        return [
            Route(.get, "\(base)/{vmScaleSetName}", name: "virtualMachineScaleSets/get", apiVersions: v, handler: get),
            Route(.put, "\(base)/{vmScaleSetName}", name: "virtualMachineScaleSets/put", apiVersions: v, handler: update),
            Route(.patch, "\(base)/{vmScaleSetName}", name: "virtualMachineScaleSets/patch", apiVersions: v, handler: update),
            Route(.get, base, name: "virtualMachineScaleSets/list", apiVersions: v, handler: list),
            Route(
                .get, "subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachineScaleSets", name: "virtualMachineScaleSets/listAll",
                apiVersions: v, handler: list),
        ]
    }

    /// Loads a scale set visible to the caller, or the ARM 404.
    static func load(_ call: APICall) async throws -> ScaleSet {
        try call.requireSubscription(call.param("subscriptionId"))
        let id = ARMResource.id(call.param("subscriptionId"), call.param("resourceGroupName"), ARMResource.scaleSets, call.param("vmScaleSetName"))
        guard let set = try await call.env.infrastructure.scaleSet(id: id) else {
            throw ServiceError.notFound(kind: "virtual machine scale set", name: "\(call.param("vmScaleSetName"))' under resource group '\(call.param("resourceGroupName"))")
        }
        return set
    }

    static func get(_ call: APICall) async throws -> Response {
        try JSONResponse.make(.ok, IaaSComputeMapping.scaleSet(try await load(call)))
    }

    static func list(_ call: APICall) async throws -> Response {
        try call.requireSubscription(call.param("subscriptionId"))
        let resourceGroup = call.params["resourceGroupName"]
        let sets = try await call.env.infrastructure.scaleSets(subscription: call.param("subscriptionId"), resourceGroup: resourceGroup)
        return try JSONResponse.make(.ok, ["value": .array(sets.map(IaaSComputeMapping.scaleSet))] as ARMJSON)
    }

    /// PUT and PATCH: both change only what the body names. A PUT to a scale set that does not
    /// exist is refused: scale sets belong to agent pools and are created by the service.
    static func update(_ call: APICall) async throws -> Response {
        try call.requireSubscription(call.param("subscriptionId"))
        let id = ARMResource.id(call.param("subscriptionId"), call.param("resourceGroupName"), ARMResource.scaleSets, call.param("vmScaleSetName"))
        let body = try IaaSBody(call.body)
        guard try await call.env.infrastructure.scaleSet(id: id) != nil else {
            throw ServiceError.conflict(
                message: "Virtual machine scale sets are created by the service for agent pools; create or scale an agent pool instead of creating '\(call.param("vmScaleSetName"))'.")
        }
        let update = try scaleSetUpdate(body.json)
        let set = try await call.env.infrastructure.updateScaleSetDirectly(
            subscription: call.param("subscriptionId"), resourceGroup: call.param("resourceGroupName"), name: call.param("vmScaleSetName"), update)
        return try JSONResponse.make(.ok, IaaSComputeMapping.scaleSet(set))
    }

    static func scaleSetUpdate(_ json: ARMJSON) throws(ServiceError) -> ScaleSetUpdate {
        var update = ScaleSetUpdate()
        update.capacity = try IaaSBody.int(json, "sku.capacity", target: "sku.capacity")
        update.sku = try IaaSBody.string(json, "sku.name", target: "sku.name")
        update.tags = try IaaSBody.tags(json)
        let profile = "properties.virtualMachineProfile"
        if let items = try IaaSBody.array(json, "\(profile).extensionProfile.extensions", target: ScaleSetUpdate.extensionsTarget) {
            var extensions: [VMExtension] = []
            for (index, item) in items.enumerated() {
                extensions.append(try vmExtension(item, name: nil, target: "\(ScaleSetUpdate.extensionsTarget)[\(index)]"))
            }
            update.extensions = extensions
        }
        if let nics = try IaaSBody.array(json, "\(profile).networkProfile.networkInterfaceConfigurations", target: "\(profile).networkProfile"),
            let first = nics.first
        {
            let nsgID = try IaaSBody.string(first, "properties.networkSecurityGroup.id", target: ScaleSetUpdate.securityGroupTarget)
            update.networkSecurityGroupID = .some(nsgID)
        }
        return update
    }

    /// An extension from `{"name", "properties": {publisher, type, typeHandlerVersion, settings...}}`.
    static func vmExtension(_ json: ARMJSON, name: String?, target: String) throws(ServiceError) -> VMExtension {
        let prefix = target.isEmpty ? "" : "\(target)."
        let resolvedName = if let name { name } else { try IaaSBody.name(json, target: "\(prefix)name") }
        func text(_ field: String) throws(ServiceError) -> String {
            try IaaSBody.string(json, "properties.\(field)", target: "\(prefix)properties.\(field)") ?? ""
        }
        var autoUpgrade = true
        if case .bool(let b)? = IaaSBody.value(json, "properties.autoUpgradeMinorVersion") { autoUpgrade = b }
        return VMExtension(
            name: resolvedName, publisher: try text("publisher"), type: try text("type"), typeHandlerVersion: try text("typeHandlerVersion"),
            autoUpgradeMinorVersion: autoUpgrade, settings: IaaSBody.canonicalText(IaaSBody.value(json, "properties.settings")),
            provisionAfterExtensions: try IaaSBody.strings(json, "properties.provisionAfterExtensions", target: "\(prefix)properties.provisionAfterExtensions") ?? [])
    }
}
