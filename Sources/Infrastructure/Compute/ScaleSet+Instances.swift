import Core
import Foundation

/// Instance bookkeeping shared by the service and the direct path: instances are added from the
/// current model with the next id and an address from the managed subnet, rebuilt from a model,
/// or removed (freeing their address).
extension ScaleSet {
    /// Adds instances from the current model until there are `model.capacity`.
    mutating func grow(in network: inout VirtualNetwork, now: Date) throws(ServiceError) {
        while instances.count < model.capacity {
            let id = nextInstanceID
            nextInstanceID += 1
            var instance = VMInstance(
                instanceID: id, computerName: VMInstance.computerName(scaleSet: name, instanceID: id), provisioningState: "Succeeded",
                powerState: model.power, zone: model.zones.isEmpty ? nil : model.zones[id % model.zones.count], privateIPAddress: "",
                vmSize: model.sku, nodeImageVersion: model.nodeImageVersion, osPatchLevel: VMInstance.patchLevel(of: model.nodeImageVersion),
                extensions: model.extensions, latestModelApplied: true, createdAt: now)
            instance.privateIPAddress = try network.allocateAddress(for: nicID(instance))
            instances.append(instance)
        }
    }

    /// Removes the instances named (computer name or instance id) first, then the highest ids,
    /// until there are `model.capacity`; their addresses are freed.
    mutating func shrink(in network: inout VirtualNetwork, removingFirst names: [String]) {
        let wanted = Set(names.map { $0.lowercased() })
        while instances.count > model.capacity {
            let index =
                instances.firstIndex { wanted.contains($0.computerName.lowercased()) || wanted.contains(String($0.instanceID)) }
                ?? instances.indices.max { instances[$0].instanceID < instances[$1].instanceID }!
            remove(at: index, in: &network)
        }
    }

    mutating func remove(at index: Int, in network: inout VirtualNetwork) {
        network.releaseAddress(of: nicID(instances[index]))
        instances.remove(at: index)
    }

    /// Rebuilds an instance from `model` (reimage): fresh image, its patch level, the model's
    /// extensions and size; power as `power`.
    mutating func rebuild(at index: Int, from model: ScaleSetModel, power: PowerState) {
        instances[index].nodeImageVersion = model.nodeImageVersion
        instances[index].osPatchLevel = VMInstance.patchLevel(of: model.nodeImageVersion)
        instances[index].extensions = model.extensions
        instances[index].vmSize = model.sku
        instances[index].powerState = power
        instances[index].provisioningState = "Succeeded"
        instances[index].latestModelApplied = true
    }

    /// The index of the instance with ARM instance id `instanceID`.
    public func index(ofInstance instanceID: String) -> Int? {
        instances.firstIndex { String($0.instanceID) == instanceID }
    }
}

extension VirtualNetwork {
    /// Hands out the lowest free address of the managed subnet to `owner` (a NIC id).
    mutating func allocateAddress(for owner: String) throws(ServiceError) -> String {
        guard let index = subnets.firstIndex(where: { $0.name.lowercased() == NodeResourceGroup.subnetName }),
            let prefix = AddressPrefix(subnets[index].addressPrefix)
        else {
            throw .conflict(message: "The managed subnet '\(NodeResourceGroup.subnetName)' of '\(name)' is missing or invalid; nodes cannot get addresses.")
        }
        if let existing = subnets[index].allocations.first(where: { $0.value == owner.lowercased() }) { return existing.key }
        guard let address = prefix.firstFree(excluding: Set(subnets[index].allocations.keys)) else {
            throw .conflict(message: "The subnet '\(NodeResourceGroup.subnetName)' has no free addresses.")
        }
        subnets[index].allocations[address] = owner.lowercased()
        return address
    }

    mutating func releaseAddress(of owner: String) {
        for index in subnets.indices {
            for (address, holder) in subnets[index].allocations where holder == owner.lowercased() {
                subnets[index].allocations.removeValue(forKey: address)
            }
        }
    }
}
