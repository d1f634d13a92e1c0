import Core
import Foundation
import Hummingbird
import Infrastructure
import Wire

/// `Microsoft.Network/virtualNetworks` and their `subnets`, in any resource group of the
/// caller's subscription (bring-your-own network). In the node resource group they are the
/// managed network: changes are allowed and reported as drift. Writes finish at once: 200/201
/// with `provisioningState: Succeeded`, which azure-core's poller takes as done.
enum IaaSNetworkHandlers {
    static let base = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks"
    static let vnet = "\(base)/{virtualNetworkName}"

    static var routes: [Route] {
        let v = IaaSAPIVersions.network
        return [
            Route(.put, vnet, name: "virtualNetworks/put", apiVersions: v, handler: put),
            Route(.get, vnet, name: "virtualNetworks/get", apiVersions: v, handler: get),
            Route(.delete, vnet, name: "virtualNetworks/delete", apiVersions: v, handler: delete),
            Route(.get, base, name: "virtualNetworks/list", apiVersions: v, handler: list),
            Route(.get, "subscriptions/{subscriptionId}/providers/Microsoft.Network/virtualNetworks", name: "virtualNetworks/listAll", apiVersions: v, handler: list),
            Route(.put, "\(vnet)/subnets/{subnetName}", name: "subnets/put", apiVersions: v, handler: putSubnet),
            Route(.get, "\(vnet)/subnets/{subnetName}", name: "subnets/get", apiVersions: v, handler: getSubnet),
            Route(.delete, "\(vnet)/subnets/{subnetName}", name: "subnets/delete", apiVersions: v, handler: deleteSubnet),
            Route(.get, "\(vnet)/subnets", name: "subnets/list", apiVersions: v, handler: listSubnets),
        ]
    }

    static func scope(_ call: APICall) throws(ServiceError) -> (subscription: String, resourceGroup: String) {
        try call.requireSubscription(call.param("subscriptionId"))
        return (call.param("subscriptionId"), call.param("resourceGroupName"))
    }

    static func load(_ call: APICall) async throws -> VirtualNetwork {
        let (subscription, resourceGroup) = try scope(call)
        let id = ARMResource.id(subscription, resourceGroup, ARMResource.virtualNetworks, call.param("virtualNetworkName"))
        guard let vnet = try await call.env.infrastructure.virtualNetwork(id: id) else {
            throw ServiceError.notFound(kind: "virtual network", name: "\(call.param("virtualNetworkName"))' under resource group '\(resourceGroup)")
        }
        return vnet
    }

    static func put(_ call: APICall) async throws -> Response {
        let (subscription, resourceGroup) = try scope(call)
        let json = try IaaSBody(call.body).json
        var subnets: [SubnetModel] = []
        for (index, item) in (try IaaSBody.array(json, "properties.subnets", target: "properties.subnets") ?? []).enumerated() {
            subnets.append(try IaaSNetworkMapping.subnet(from: item, name: nil, target: "properties.subnets[\(index)]."))
        }
        let request = VirtualNetworkRequest(
            location: try IaaSBody.string(json, "location", target: "location"), tags: try IaaSBody.tags(json) ?? [:],
            addressPrefixes: try IaaSBody.strings(json, "properties.addressSpace.addressPrefixes", target: "properties.addressSpace.addressPrefixes") ?? [],
            subnets: subnets)
        let (vnet, created) = try await call.env.infrastructure.putVirtualNetwork(
            subscription: subscription, resourceGroup: resourceGroup, name: call.param("virtualNetworkName"), request)
        return try JSONResponse.make(created ? .created : .ok, IaaSNetworkMapping.virtualNetwork(vnet))
    }

    static func get(_ call: APICall) async throws -> Response {
        try JSONResponse.make(.ok, IaaSNetworkMapping.virtualNetwork(try await load(call)))
    }

    static func delete(_ call: APICall) async throws -> Response {
        let (subscription, resourceGroup) = try scope(call)
        let existed = try await call.env.infrastructure.deleteVirtualNetwork(
            subscription: subscription, resourceGroup: resourceGroup, name: call.param("virtualNetworkName"))
        return JSONResponse.empty(existed ? .ok : .noContent)
    }

    static func list(_ call: APICall) async throws -> Response {
        try call.requireSubscription(call.param("subscriptionId"))
        let vnets = try await call.env.infrastructure.virtualNetworks(subscription: call.param("subscriptionId"), resourceGroup: call.params["resourceGroupName"])
        return try JSONResponse.make(.ok, ["value": .array(vnets.map(IaaSNetworkMapping.virtualNetwork))] as ARMJSON)
    }

    static func putSubnet(_ call: APICall) async throws -> Response {
        let vnet = try await load(call)
        let model = try IaaSNetworkMapping.subnet(from: try IaaSBody(call.body).json, name: call.param("subnetName"), target: "")
        let (updated, created) = try await call.env.infrastructure.putSubnet(
            subscription: vnet.subscription, resourceGroup: vnet.resourceGroup, virtualNetwork: vnet.name, model)
        guard let subnet = updated.subnet(named: model.name) else { throw ServiceError.internalFailure(message: "The subnet was not stored.") }
        return try JSONResponse.make(created ? .created : .ok, IaaSNetworkMapping.subnet(subnet, of: updated))
    }

    static func getSubnet(_ call: APICall) async throws -> Response {
        let vnet = try await load(call)
        guard let subnet = vnet.subnet(named: call.param("subnetName")) else { throw ServiceError.notFound(kind: "subnet", name: call.param("subnetName")) }
        return try JSONResponse.make(.ok, IaaSNetworkMapping.subnet(subnet, of: vnet))
    }

    static func deleteSubnet(_ call: APICall) async throws -> Response {
        let vnet = try await load(call)
        let existed = try await call.env.infrastructure.deleteSubnet(
            subscription: vnet.subscription, resourceGroup: vnet.resourceGroup, virtualNetwork: vnet.name, name: call.param("subnetName"))
        return JSONResponse.empty(existed ? .ok : .noContent)
    }

    static func listSubnets(_ call: APICall) async throws -> Response {
        let vnet = try await load(call)
        return try JSONResponse.make(.ok, ["value": .array(vnet.subnets.map { IaaSNetworkMapping.subnet($0, of: vnet) })] as ARMJSON)
    }
}
