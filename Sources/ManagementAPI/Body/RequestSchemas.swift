/// The request bodies the service accepts, per resource. Extending what customers may set
/// starts here (and in the matching validation in `Operations/Accept`).
enum RequestSchemas {
    static let resourceEnvelope: [String: BodySchema] = [
        "id": .readOnly, "name": .readOnly, "type": .readOnly, "systemData": .readOnly, "eTag": .readOnly,
    ]

    static let upgradeSettings: BodySchema = .object([
        "maxSurge": .scalar, "maxUnavailable": .only([.string("0")]), "drainTimeoutInMinutes": .scalar,
        "nodeSoakDurationInMinutes": .scalar, "undrainableNodeBehavior": .only([.string("Schedule"), .string("Cordon")]),
    ])

    /// Agent pool properties (flattened in `agentPoolProfiles[]`, or `properties` of an agentPools PUT).
    static func agentPoolProperties(named: Bool) -> BodySchema {
        var fields: [String: BodySchema] = [
            "count": .scalar, "vmSize": .scalar, "osDiskSizeGB": .scalar, "osDiskType": .only([.string("Managed"), .string("Ephemeral")]),
            "osType": .scalar, "osSKU": .scalar, "maxPods": .scalar, "type": .scalar, "mode": .scalar,
            "orchestratorVersion": .scalar, "availabilityZones": .array(.scalar), "enableAutoScaling": .scalar,
            "minCount": .scalar, "maxCount": .scalar, "nodeLabels": .stringMap, "nodeTaints": .array(.scalar), "tags": .stringMap,
            "upgradeSettings": upgradeSettings, "vnetSubnetID": .scalar,
            "scaleSetPriority": .only([.string("Regular")]), "scaleDownMode": .only([.string("Delete")]),
            "enableNodePublicIP": .only([.bool(false)]), "enableEncryptionAtHost": .only([.bool(false)]),
            "enableUltraSSD": .only([.bool(false)]), "enableFIPS": .only([.bool(false)]),
            "kubeletDiskType": .only([.string("OS")]),
            "provisioningState": .readOnly, "powerState": .readOnly, "currentOrchestratorVersion": .readOnly,
            "nodeImageVersion": .readOnly, "eTag": .readOnly,
        ]
        if named { fields["name"] = .scalar }
        return .object(fields)
    }

    static let networkProfile: BodySchema = .object([
        "networkPlugin": .scalar, "networkPluginMode": .scalar, "loadBalancerSku": .scalar, "outboundType": .scalar,
        "podCidr": .scalar, "serviceCidr": .scalar, "dnsServiceIP": .scalar,
        "podCidrs": .readOnly, "serviceCidrs": .readOnly, "ipFamilies": .readOnly, "loadBalancerProfile": .readOnly,
        "networkPolicy": .only([.string("none")]), "networkDataplane": .only([.string("azure")]),
    ])

    static let managedCluster: BodySchema = .object(resourceEnvelope.merging([
        "location": .scalar, "tags": .stringMap,
        "sku": .object(["name": .scalar, "tier": .scalar]),
        "identity": .object(["type": .scalar, "principalId": .readOnly, "tenantId": .readOnly]),
        "properties": .object([
            "kubernetesVersion": .scalar, "dnsPrefix": .scalar, "agentPoolProfiles": .array(agentPoolProperties(named: true)),
            "nodeResourceGroup": .scalar, "enableRBAC": .scalar, "disableLocalAccounts": .scalar, "supportPlan": .scalar,
            "networkProfile": networkProfile,
            "addonProfiles": .emptyObject, "storageProfile": .emptyObject,
            "bootstrapProfile": .object(["artifactSource": .only([.string("Direct")])]),
            "provisioningState": .readOnly, "powerState": .readOnly, "maxAgentPools": .readOnly,
            "currentKubernetesVersion": .readOnly, "fqdn": .readOnly, "azurePortalFQDN": .readOnly, "privateFQDN": .readOnly,
            "resourceUID": .readOnly, "identityProfile": .readOnly,
        ]),
    ]) { a, _ in a })

    static let agentPool: BodySchema = .object(resourceEnvelope.merging(["properties": agentPoolProperties(named: false)]) { a, _ in a })

    static let tagsPatch: BodySchema = .object(["tags": .stringMap])
}
