import Core
import Foundation
import Infrastructure
import Wire

/// Virtual networks, subnets, NSGs and rules as `Microsoft.Network` ARM documents, and rules read back from request bodies.
enum IaaSNetworkMapping {
    static func virtualNetwork(_ vnet: VirtualNetwork) -> ARMJSON {
        [
            "id": .string(vnet.id), "name": .string(vnet.name), "type": .string(ARMResource.virtualNetworks), "location": .string(vnet.location),
            "etag": .string(vnet.eTag), "tags": .object(vnet.tags.mapValues(ARMJSON.string)),
            "properties": [
                "provisioningState": "Succeeded", "resourceGuid": .string(vnet.resourceGUID),
                "addressSpace": ["addressPrefixes": .array(vnet.addressPrefixes.map(ARMJSON.string))],
                "subnets": .array(vnet.subnets.map { subnet($0, of: vnet) }),
            ],
        ]
    }

    static func subnet(_ subnet: Subnet, of vnet: VirtualNetwork) -> ARMJSON {
        var properties: ARMJSON = [
            "provisioningState": "Succeeded", "addressPrefix": .string(subnet.addressPrefix),
            "ipConfigurations": .array(subnet.allocations.values.sorted().map { ["id": .string("\($0)/ipConfigurations/ipconfig1")] }),
        ]
        if let nsg = subnet.networkSecurityGroupID { properties = properties.setting("networkSecurityGroup", ["id": .string(nsg)]) }
        return [
            "id": .string(vnet.subnetID(subnet)), "name": .string(subnet.name), "type": "Microsoft.Network/virtualNetworks/subnets",
            "etag": .string(vnet.eTag), "properties": properties,
        ]
    }

    static func securityGroup(_ nsg: NetworkSecurityGroup) -> ARMJSON {
        [
            "id": .string(nsg.id), "name": .string(nsg.name), "type": .string(ARMResource.securityGroups), "location": .string(nsg.location),
            "etag": .string(nsg.eTag), "tags": .object(nsg.tags.mapValues(ARMJSON.string)),
            "properties": [
                "provisioningState": "Succeeded", "resourceGuid": .string(nsg.resourceGUID),
                "securityRules": .array(nsg.securityRules.map { rule($0, in: nsg, kind: "securityRules") }),
                "defaultSecurityRules": .array(SecurityRule.defaults.map { rule($0, in: nsg, kind: "defaultSecurityRules") }),
            ],
        ]
    }

    static func rule(_ rule: SecurityRule, in nsg: NetworkSecurityGroup, kind: String) -> ARMJSON {
        var properties: ARMJSON = [
            "provisioningState": "Succeeded", "priority": .number(Double(rule.priority)), "direction": .string(rule.direction),
            "access": .string(rule.access), "protocol": .string(rule.protocol), "description": ARMJSON(rule.description),
        ]
        for (values, singular, plural) in [
            (rule.sourcePortRanges, "sourcePortRange", "sourcePortRanges"), (rule.destinationPortRanges, "destinationPortRange", "destinationPortRanges"),
            (rule.sourceAddressPrefixes, "sourceAddressPrefix", "sourceAddressPrefixes"),
            (rule.destinationAddressPrefixes, "destinationAddressPrefix", "destinationAddressPrefixes"),
        ] {
            properties = values.count == 1 ? properties.setting(singular, .string(values[0])) : properties.setting(plural, .array(values.map(ARMJSON.string)))
        }
        return [
            "id": .string("\(nsg.id)/\(kind)/\(rule.name)"), "name": .string(rule.name), "etag": .string(nsg.eTag),
            "type": .string("Microsoft.Network/networkSecurityGroups/\(kind)"), "properties": properties,
        ]
    }

    /// A rule from `{"name", "properties": {...}}`; singular fields win over plural ones, as in ARM.
    /// Missing fields stay empty, so validation names them.
    static func rule(from json: ARMJSON, name: String?, target: String) throws(ServiceError) -> SecurityRule {
        let p = "\(target)properties"
        func text(_ field: String) throws(ServiceError) -> String { try IaaSBody.string(json, "properties.\(field)", target: "\(p).\(field)") ?? "" }
        func list(_ singular: String, _ plural: String) throws(ServiceError) -> [String] {
            if let one = try IaaSBody.string(json, "properties.\(singular)", target: "\(p).\(singular)") { return [one] }
            return try IaaSBody.strings(json, "properties.\(plural)", target: "\(p).\(plural)") ?? []
        }
        guard let priority = try IaaSBody.int(json, "properties.priority", target: "\(p).priority") else {
            throw ServiceError.missingParameter(target: "\(p).priority")
        }
        let resolvedName = if let name { name } else { try IaaSBody.name(json, target: "\(target)name") }
        return SecurityRule(
            name: resolvedName, priority: priority, direction: try text("direction"),
            access: try text("access"), protocol: try text("protocol"), sourcePortRanges: try list("sourcePortRange", "sourcePortRanges"),
            destinationPortRanges: try list("destinationPortRange", "destinationPortRanges"),
            sourceAddressPrefixes: try list("sourceAddressPrefix", "sourceAddressPrefixes"),
            destinationAddressPrefixes: try list("destinationAddressPrefix", "destinationAddressPrefixes"),
            description: try IaaSBody.string(json, "properties.description", target: "\(p).description"))
    }

    /// A subnet from `{"name", "properties": {"addressPrefix", "networkSecurityGroup": {"id"}}}`.
    static func subnet(from json: ARMJSON, name: String?, target: String) throws(ServiceError) -> SubnetModel {
        let p = "\(target)properties"
        var prefix = try IaaSBody.string(json, "properties.addressPrefix", target: "\(p).addressPrefix")
        if prefix == nil { prefix = try IaaSBody.strings(json, "properties.addressPrefixes", target: "\(p).addressPrefixes")?.first }
        let resolvedName = if let name { name } else { try IaaSBody.name(json, target: "\(target)name") }
        return SubnetModel(
            name: resolvedName, addressPrefix: prefix ?? "",
            networkSecurityGroupID: try IaaSBody.string(json, "properties.networkSecurityGroup.id", target: "\(p).networkSecurityGroup.id"))
    }
}
