import Core
import Foundation
import Hummingbird
import Infrastructure
import Wire

/// Scale set instances (`virtualMachines`), instance actions and the `extensions` child
/// resource. Every action here is an out-of-band change recorded with its time (POLICY N3, L2).
/// Actions finish at once and answer 200, which azure-core's poller takes as done.
enum IaaSInstanceHandlers {
    static let set = "\(IaaSScaleSetHandlers.base)/{vmScaleSetName}"
    static let vm = "\(set)/virtualMachines/{instanceId}"

    static var routes: [Route] {
        let v = IaaSAPIVersions.compute
        var routes = [
            Route(.get, "\(set)/virtualMachines", name: "virtualMachineScaleSetVMs/list", apiVersions: v, handler: list),
            Route(.get, vm, name: "virtualMachineScaleSetVMs/get", apiVersions: v, handler: get),
            Route(.get, "\(vm)/instanceView", name: "virtualMachineScaleSetVMs/instanceView", apiVersions: v, handler: instanceView),
            Route(.delete, vm, name: "virtualMachineScaleSetVMs/delete", apiVersions: v) { try await instanceAction(.delete, $0) },
            Route(.get, "\(set)/extensions", name: "virtualMachineScaleSetExtensions/list", apiVersions: v, handler: listExtensions),
            Route(.get, "\(set)/extensions/{extensionName}", name: "virtualMachineScaleSetExtensions/get", apiVersions: v, handler: getExtension),
            Route(.put, "\(set)/extensions/{extensionName}", name: "virtualMachineScaleSetExtensions/put", apiVersions: v, handler: putExtension),
            Route(.patch, "\(set)/extensions/{extensionName}", name: "virtualMachineScaleSetExtensions/patch", apiVersions: v, handler: putExtension),
            Route(.delete, "\(set)/extensions/{extensionName}", name: "virtualMachineScaleSetExtensions/delete", apiVersions: v, handler: deleteExtension),
        ]
        for action in InstanceAction.allCases where action != .updateModel {
            routes.append(Route(.post, "\(set)/\(action.rawValue)", name: "virtualMachineScaleSets/\(action.rawValue)", apiVersions: v) {
                try await scaleSetAction(action, $0)
            })
            if action != .delete {
                routes.append(Route(.post, "\(vm)/\(action.rawValue)", name: "virtualMachineScaleSetVMs/\(action.rawValue)", apiVersions: v) {
                    try await instanceAction(action, $0)
                })
            }
        }
        return routes
    }

    static func list(_ call: APICall) async throws -> Response {
        let set = try await IaaSScaleSetHandlers.load(call)
        let expand = call.query("$expand")?.lowercased() == "instanceview"
        return try JSONResponse.make(.ok, ["value": .array(set.instances.map { IaaSComputeMapping.instance($0, of: set, expandInstanceView: expand) })] as ARMJSON)
    }

    static func instance(_ call: APICall) async throws -> (ScaleSet, VMInstance) {
        let set = try await IaaSScaleSetHandlers.load(call)
        guard let index = set.index(ofInstance: call.param("instanceId")) else {
            throw ServiceError.notFound(kind: "virtual machine", name: "\(set.name)_\(call.param("instanceId"))")
        }
        return (set, set.instances[index])
    }

    static func get(_ call: APICall) async throws -> Response {
        let (set, vm) = try await instance(call)
        let expand = call.query("$expand")?.lowercased() == "instanceview"
        return try JSONResponse.make(.ok, IaaSComputeMapping.instance(vm, of: set, expandInstanceView: expand))
    }

    static func instanceView(_ call: APICall) async throws -> Response {
        let (_, vm) = try await instance(call)
        return try JSONResponse.make(.ok, IaaSComputeMapping.instanceView(vm))
    }

    /// `POST virtualMachineScaleSets/{name}/{action}` with an optional `{"instanceIds":[...]}`
    /// (required for `delete`, as Compute requires it).
    static func scaleSetAction(_ action: InstanceAction, _ call: APICall) async throws -> Response {
        _ = try await IaaSScaleSetHandlers.load(call)
        let body = try IaaSBody.optional(call.body)
        let ids = try IaaSBody.strings(body.json, "instanceIds", target: "instanceIds")
        if action == .delete, ids?.isEmpty ?? true { throw ServiceError.missingParameter(target: "instanceIds") }
        _ = try await call.env.infrastructure.performDirectly(
            action, subscription: call.param("subscriptionId"), resourceGroup: call.param("resourceGroupName"), scaleSet: call.param("vmScaleSetName"),
            instanceIDs: ids)
        return JSONResponse.empty(.ok)
    }

    static func instanceAction(_ action: InstanceAction, _ call: APICall) async throws -> Response {
        let (set, vm) = try await instance(call)
        _ = try await call.env.infrastructure.performDirectly(
            action, subscription: set.subscription, resourceGroup: set.resourceGroup, scaleSet: set.name, instanceIDs: [String(vm.instanceID)])
        return JSONResponse.empty(.ok)
    }

    static func listExtensions(_ call: APICall) async throws -> Response {
        let set = try await IaaSScaleSetHandlers.load(call)
        return try JSONResponse.make(.ok, ["value": .array(set.model.extensions.map { IaaSComputeMapping.extensionResource($0, of: set) })] as ARMJSON)
    }

    static func getExtension(_ call: APICall) async throws -> Response {
        let set = try await IaaSScaleSetHandlers.load(call)
        guard let ext = set.model.extensions.first(where: { $0.name.lowercased() == call.param("extensionName").lowercased() }) else {
            throw ServiceError.notFound(kind: "extension", name: call.param("extensionName"))
        }
        return try JSONResponse.make(.ok, IaaSComputeMapping.extensionResource(ext, of: set))
    }

    static func putExtension(_ call: APICall) async throws -> Response {
        let set = try await IaaSScaleSetHandlers.load(call)
        let body = try IaaSBody(call.body)
        let ext = try IaaSScaleSetHandlers.vmExtension(body.json, name: call.param("extensionName"), target: "")
        for (value, field) in [(ext.publisher, "properties.publisher"), (ext.type, "properties.type"), (ext.typeHandlerVersion, "properties.typeHandlerVersion")]
        where value.isEmpty {
            throw ServiceError.missingParameter(target: field)
        }
        let created = try await call.env.infrastructure.putExtensionDirectly(
            subscription: set.subscription, resourceGroup: set.resourceGroup, scaleSet: set.name, ext)
        return try JSONResponse.make(created ? .created : .ok, IaaSComputeMapping.extensionResource(ext, of: set))
    }

    static func deleteExtension(_ call: APICall) async throws -> Response {
        let set = try await IaaSScaleSetHandlers.load(call)
        let existed = try await call.env.infrastructure.deleteExtensionDirectly(
            subscription: set.subscription, resourceGroup: set.resourceGroup, scaleSet: set.name, extension: call.param("extensionName"))
        return JSONResponse.empty(existed ? .ok : .noContent)
    }
}
