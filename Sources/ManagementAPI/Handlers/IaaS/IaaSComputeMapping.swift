import Core
import Foundation
import Infrastructure
import Wire

/// Scale sets and their instances as `Microsoft.Compute` ARM documents.
enum IaaSComputeMapping {
    static func scaleSet(_ set: ScaleSet) -> ARMJSON {
        var nic: ARMJSON = [
            "primary": true, "enableIPForwarding": true,
            "ipConfigurations": [["name": "ipconfig1", "properties": ["primary": true, "subnet": ["id": .string(subnetID(set))]]]],
        ]
        if let nsg = set.model.networkSecurityGroupID { nic = nic.setting("networkSecurityGroup", ["id": .string(nsg)]) }
        return [
            "id": .string(set.id), "name": .string(set.name), "type": .string(ARMResource.scaleSets), "location": .string(set.location),
            "tags": .object(set.model.tags.mapValues(ARMJSON.string)), "etag": .string(set.eTag),
            "sku": ["name": .string(set.model.sku), "tier": "Standard", "capacity": .number(Double(set.model.capacity))],
            "zones": .array(set.model.zones.map(ARMJSON.string)),
            "properties": [
                "provisioningState": "Succeeded", "uniqueId": .string(set.uniqueID), "overprovision": false, "singlePlacementGroup": false,
                "upgradePolicy": ["mode": "Manual"], "orchestrationMode": "Uniform",
                "virtualMachineProfile": [
                    "osProfile": ["computerNamePrefix": .string(set.name), "adminUsername": "azureuser"],
                    "storageProfile": ["imageReference": ["id": .string(imageID(set.model.nodeImageVersion))]],
                    "networkProfile": ["networkInterfaceConfigurations": [["name": .string(set.name), "properties": nic]]],
                    "extensionProfile": ["extensions": .array(set.model.extensions.map { extensionProfile($0) })],
                ],
            ],
        ]
    }

    /// An extension as it appears inline in the model (`extensionProfile.extensions[]`).
    static func extensionProfile(_ ext: VMExtension) -> ARMJSON {
        ["name": .string(ext.name), "properties": extensionProperties(ext)]
    }

    /// An extension as its own resource (`virtualMachineScaleSets/{name}/extensions/{ext}`).
    static func extensionResource(_ ext: VMExtension, of set: ScaleSet) -> ARMJSON {
        [
            "id": .string("\(set.id)/extensions/\(ext.name)"), "name": .string(ext.name),
            "type": "Microsoft.Compute/virtualMachineScaleSets/extensions", "properties": extensionProperties(ext),
        ]
    }

    static func extensionProperties(_ ext: VMExtension) -> ARMJSON {
        var properties: ARMJSON = [
            "publisher": .string(ext.publisher), "type": .string(ext.type), "typeHandlerVersion": .string(ext.typeHandlerVersion),
            "autoUpgradeMinorVersion": .bool(ext.autoUpgradeMinorVersion), "provisioningState": "Succeeded",
            "provisionAfterExtensions": .array(ext.provisionAfterExtensions.map(ARMJSON.string)),
        ]
        if let settings = IaaSBody.parseText(ext.settings) { properties = properties.setting("settings", settings) }
        return properties
    }

    static func instance(_ vm: VMInstance, of set: ScaleSet, expandInstanceView: Bool) -> ARMJSON {
        var properties: ARMJSON = [
            "latestModelApplied": .bool(vm.latestModelApplied), "provisioningState": .string(vm.provisioningState),
            "vmId": .string(vmID(set, vm)), "hardwareProfile": ["vmSize": .string(vm.vmSize)],
            "osProfile": ["computerName": .string(vm.computerName), "adminUsername": "azureuser"],
            "storageProfile": ["imageReference": ["id": .string(imageID(vm.nodeImageVersion))]],
            "networkProfile": ["networkInterfaces": [["id": .string(set.nicID(vm)), "privateIPAddress": .string(vm.privateIPAddress)]]],
            "resources": .array(vm.extensions.map { extensionResource($0, of: set) }),
        ]
        if expandInstanceView { properties = properties.setting("instanceView", instanceView(vm)) }
        return [
            "id": .string(set.instanceResourceID(vm)), "name": .string(set.instanceName(vm)),
            "type": "Microsoft.Compute/virtualMachineScaleSets/virtualMachines", "location": .string(set.location),
            "instanceId": .string(String(vm.instanceID)), "zones": .array(vm.zone.map { [ARMJSON.string($0)] } ?? []),
            "sku": ["name": .string(vm.vmSize), "tier": "Standard"], "tags": .object(set.model.tags.mapValues(ARMJSON.string)),
            "properties": properties,
        ]
    }

    /// `instanceView`: power and provisioning statuses as Compute reports them, the OS patch
    /// level as `osVersion`, and each extension's status.
    static func instanceView(_ vm: VMInstance) -> ARMJSON {
        let power: String
        switch vm.powerState {
        case .running: power = "VM running"
        case .stopped: power = "VM stopped"
        case .deallocated: power = "VM deallocated"
        }
        let provisioned: ARMJSON = ["code": "ProvisioningState/succeeded", "level": "Info", "displayStatus": "Provisioning succeeded"]
        return [
            "computerName": .string(vm.computerName), "osName": "ubuntu", "osVersion": .string(vm.osPatchLevel),
            "statuses": [provisioned, ["code": .string("PowerState/\(vm.powerState.rawValue)"), "level": "Info", "displayStatus": .string(power)]],
            "extensions": .array(vm.extensions.map { (ext: VMExtension) -> ARMJSON in
                ["name": .string(ext.name), "type": .string("\(ext.publisher).\(ext.type)"), "typeHandlerVersion": .string(ext.typeHandlerVersion), "statuses": [provisioned]]
            }),
        ]
    }

    static func subnetID(_ set: ScaleSet) -> String {
        NodeResourceGroup.subnetID(subscription: set.subscription, resourceGroup: set.resourceGroup, hashOf: set.name)
    }

    /// The gallery image id AKS nodes report, e.g. `.../images/2204gen2containerd/versions/202611.17.0`.
    static func imageID(_ nodeImageVersion: String) -> String {
        let parts = nodeImageVersion.split(separator: "-")
        let family = parts.count > 2 ? parts[1..<(parts.count - 1)].joined(separator: "-") : nodeImageVersion
        let gallery = parts.first.map(String.init) ?? "AKSUbuntu"
        return "/subscriptions/109a5e88-712a-48ae-9078-9ca8b3c81345/resourceGroups/AKS-Ubuntu/providers/Microsoft.Compute/galleries/\(gallery)/images/\(family)/versions/\(VMInstance.patchLevel(of: nodeImageVersion))"
    }

    static func vmID(_ set: ScaleSet, _ vm: VMInstance) -> String {
        let seed = set.uniqueID.replacingOccurrences(of: "-", with: "")
        return String(seed.prefix(24)) + String(format: "%08x", vm.instanceID)
    }
}
