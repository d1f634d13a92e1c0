import Core
import Foundation
import Operations
import Wire

/// Reads request bodies: JSON syntax, then the schema (unknown properties), then the typed
/// wire shape (wrong types), then the mapping to the domain's request types.
enum RequestDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, schema: BodySchema) throws(ServiceError) -> T {
        let json = try ARMJSON.parse(data)
        try schema.check(json, path: "")
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.typeMismatch(expected, context) {
            throw .invalidParameter(target: path(context.codingPath), message: "'\(path(context.codingPath))' has the wrong type; expected \(describe(expected)).")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw .invalidParameter(target: path(context.codingPath), message: "'\(path(context.codingPath))' must not be null; expected \(describe(expected)).")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .missingParameter(target: path(context.codingPath + [key]))
        } catch {
            throw .invalidRequestContent(message: "The request body could not be read: \(ARMJSON.describe(error))")
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "an integer"
        case is Bool.Type: return "true or false"
        case is String.Type: return "a string"
        default: return "\(type)"
        }
    }

    // MARK: Wire -> domain

    static func clusterRequest(_ wire: ManagedClusterWire) throws(ServiceError) -> ClusterRequest {
        guard let location = wire.location, !location.isEmpty else { throw .missingParameter(target: "location") }
        var request = ClusterRequest(location: location)
        request.tags = wire.tags
        request.skuName = wire.sku?.name
        request.skuTier = wire.sku?.tier
        request.identityType = wire.identity?.type
        if let p = wire.properties {
            request.kubernetesVersion = p.kubernetesVersion
            request.dnsPrefix = p.dnsPrefix
            request.enableRBAC = p.enableRBAC
            request.disableLocalAccounts = p.disableLocalAccounts
            request.nodeResourceGroup = p.nodeResourceGroup
            request.supportPlan = p.supportPlan
            if let n = p.networkProfile {
                var network = NetworkRequest()
                network.networkPlugin = n.networkPlugin
                network.networkPluginMode = n.networkPluginMode
                network.loadBalancerSku = n.loadBalancerSku
                network.outboundType = n.outboundType
                network.podCidr = n.podCidr
                network.serviceCidr = n.serviceCidr
                network.dnsServiceIP = n.dnsServiceIP
                request.network = network
            }
            if let profiles = p.agentPoolProfiles {
                var pools: [AgentPoolRequest] = []
                for (index, profile) in profiles.enumerated() {
                    let target = "properties.agentPoolProfiles[\(index)]"
                    guard let name = profile.name, !name.isEmpty else { throw .missingParameter(target: "\(target).name") }
                    pools.append(poolRequest(profile, name: name, target: target))
                }
                request.agentPools = pools
            }
        }
        return request
    }

    static func poolRequest(_ p: AgentPoolProfileWire, name: String, target: String) -> AgentPoolRequest {
        var request = AgentPoolRequest(name: name, target: target)
        request.count = p.count
        request.vmSize = p.vmSize
        request.osType = p.osType
        request.osSKU = p.osSKU
        request.osDiskSizeGB = p.osDiskSizeGB
        request.mode = p.mode
        request.orchestratorVersion = p.orchestratorVersion
        request.maxPods = p.maxPods
        request.type = p.type
        request.availabilityZones = p.availabilityZones
        request.enableAutoScaling = p.enableAutoScaling
        request.minCount = p.minCount
        request.maxCount = p.maxCount
        request.nodeLabels = p.nodeLabels
        request.nodeTaints = p.nodeTaints
        request.tags = p.tags
        request.maxSurge = p.upgradeSettings?.maxSurge
        request.vnetSubnetID = p.vnetSubnetID
        return request
    }
}
