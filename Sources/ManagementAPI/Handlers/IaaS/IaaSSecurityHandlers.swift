import Core
import Foundation
import Hummingbird
import Infrastructure
import Wire

/// `Microsoft.Network/networkSecurityGroups` and their `securityRules`, in any resource group of
/// the caller's subscription. Rules on a customer's own subnet are customisation; rules added to
/// the managed NSG or to a NIC are allowed here and reported as SEC4 drift.
enum IaaSSecurityHandlers {
    static let base = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/networkSecurityGroups"
    static let nsg = "\(base)/{networkSecurityGroupName}"

    static var routes: [Route] {
        let v = IaaSAPIVersions.network
        return [
            Route(.put, nsg, name: "networkSecurityGroups/put", apiVersions: v, handler: put),
            Route(.get, nsg, name: "networkSecurityGroups/get", apiVersions: v, handler: get),
            Route(.delete, nsg, name: "networkSecurityGroups/delete", apiVersions: v, handler: delete),
            Route(.get, base, name: "networkSecurityGroups/list", apiVersions: v, handler: list),
            Route(
                .get, "subscriptions/{subscriptionId}/providers/Microsoft.Network/networkSecurityGroups", name: "networkSecurityGroups/listAll",
                apiVersions: v, handler: list),
            Route(.put, "\(nsg)/securityRules/{securityRuleName}", name: "securityRules/put", apiVersions: v, handler: putRule),
            Route(.get, "\(nsg)/securityRules/{securityRuleName}", name: "securityRules/get", apiVersions: v, handler: getRule),
            Route(.delete, "\(nsg)/securityRules/{securityRuleName}", name: "securityRules/delete", apiVersions: v, handler: deleteRule),
            Route(.get, "\(nsg)/securityRules", name: "securityRules/list", apiVersions: v, handler: listRules),
        ]
    }

    static func load(_ call: APICall) async throws -> NetworkSecurityGroup {
        let (subscription, resourceGroup) = try IaaSNetworkHandlers.scope(call)
        let id = ARMResource.id(subscription, resourceGroup, ARMResource.securityGroups, call.param("networkSecurityGroupName"))
        guard let nsg = try await call.env.infrastructure.securityGroup(id: id) else {
            throw ServiceError.notFound(kind: "network security group", name: "\(call.param("networkSecurityGroupName"))' under resource group '\(resourceGroup)")
        }
        return nsg
    }

    static func put(_ call: APICall) async throws -> Response {
        let (subscription, resourceGroup) = try IaaSNetworkHandlers.scope(call)
        let json = try IaaSBody(call.body).json
        var rules: [SecurityRule] = []
        for (index, item) in (try IaaSBody.array(json, "properties.securityRules", target: "properties.securityRules") ?? []).enumerated() {
            rules.append(try IaaSNetworkMapping.rule(from: item, name: nil, target: "properties.securityRules[\(index)]."))
        }
        let request = SecurityGroupRequest(
            location: try IaaSBody.string(json, "location", target: "location"), tags: try IaaSBody.tags(json) ?? [:], securityRules: rules)
        let (nsg, created) = try await call.env.infrastructure.putSecurityGroup(
            subscription: subscription, resourceGroup: resourceGroup, name: call.param("networkSecurityGroupName"), request)
        return try JSONResponse.make(created ? .created : .ok, IaaSNetworkMapping.securityGroup(nsg))
    }

    static func get(_ call: APICall) async throws -> Response {
        try JSONResponse.make(.ok, IaaSNetworkMapping.securityGroup(try await load(call)))
    }

    static func delete(_ call: APICall) async throws -> Response {
        let (subscription, resourceGroup) = try IaaSNetworkHandlers.scope(call)
        let existed = try await call.env.infrastructure.deleteSecurityGroup(
            subscription: subscription, resourceGroup: resourceGroup, name: call.param("networkSecurityGroupName"))
        return JSONResponse.empty(existed ? .ok : .noContent)
    }

    static func list(_ call: APICall) async throws -> Response {
        try call.requireSubscription(call.param("subscriptionId"))
        let groups = try await call.env.infrastructure.securityGroups(subscription: call.param("subscriptionId"), resourceGroup: call.params["resourceGroupName"])
        return try JSONResponse.make(.ok, ["value": .array(groups.map(IaaSNetworkMapping.securityGroup))] as ARMJSON)
    }

    static func putRule(_ call: APICall) async throws -> Response {
        let nsg = try await load(call)
        let rule = try IaaSNetworkMapping.rule(from: try IaaSBody(call.body).json, name: call.param("securityRuleName"), target: "")
        let (stored, created) = try await call.env.infrastructure.putSecurityRule(
            subscription: nsg.subscription, resourceGroup: nsg.resourceGroup, securityGroup: nsg.name, rule)
        return try JSONResponse.make(created ? .created : .ok, IaaSNetworkMapping.rule(stored, in: nsg, kind: "securityRules"))
    }

    static func getRule(_ call: APICall) async throws -> Response {
        let nsg = try await load(call)
        guard let rule = nsg.securityRules.first(where: { $0.name.lowercased() == call.param("securityRuleName").lowercased() }) else {
            throw ServiceError.notFound(kind: "security rule", name: call.param("securityRuleName"))
        }
        return try JSONResponse.make(.ok, IaaSNetworkMapping.rule(rule, in: nsg, kind: "securityRules"))
    }

    static func deleteRule(_ call: APICall) async throws -> Response {
        let nsg = try await load(call)
        let existed = try await call.env.infrastructure.deleteSecurityRule(
            subscription: nsg.subscription, resourceGroup: nsg.resourceGroup, securityGroup: nsg.name, name: call.param("securityRuleName"))
        return JSONResponse.empty(existed ? .ok : .noContent)
    }

    static func listRules(_ call: APICall) async throws -> Response {
        let nsg = try await load(call)
        return try JSONResponse.make(.ok, ["value": .array(nsg.securityRules.map { IaaSNetworkMapping.rule($0, in: nsg, kind: "securityRules") })] as ARMJSON)
    }
}
