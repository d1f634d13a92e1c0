/// A virtual machine size the simulated IaaS offers.
public struct VMSize: Sendable, Codable, Equatable {
    public let name: String
    public let cores: Int
    public let memoryGiB: Int
    public let maxPods: Int
}

/// The VM sizes node pools may use, kept as data (CP3).
public struct VMSizeCatalog: Sendable {
    public let sizes: [VMSize]
    public let defaultSize: String

    public static let standard = VMSizeCatalog(
        sizes: [
            VMSize(name: "Standard_B2s", cores: 2, memoryGiB: 4, maxPods: 110),
            VMSize(name: "Standard_B4ms", cores: 4, memoryGiB: 16, maxPods: 110),
            VMSize(name: "Standard_DS2_v2", cores: 2, memoryGiB: 7, maxPods: 110),
            VMSize(name: "Standard_DS3_v2", cores: 4, memoryGiB: 14, maxPods: 110),
            VMSize(name: "Standard_D2s_v3", cores: 2, memoryGiB: 8, maxPods: 110),
            VMSize(name: "Standard_D4s_v3", cores: 4, memoryGiB: 16, maxPods: 110),
            VMSize(name: "Standard_D8s_v3", cores: 8, memoryGiB: 32, maxPods: 110),
            VMSize(name: "Standard_D2s_v5", cores: 2, memoryGiB: 8, maxPods: 110),
            VMSize(name: "Standard_D4s_v5", cores: 4, memoryGiB: 16, maxPods: 110),
            VMSize(name: "Standard_D8ds_v5", cores: 8, memoryGiB: 32, maxPods: 110),
            VMSize(name: "Standard_E4s_v5", cores: 4, memoryGiB: 32, maxPods: 110),
            VMSize(name: "Standard_F4s_v2", cores: 4, memoryGiB: 8, maxPods: 110),
        ],
        defaultSize: "Standard_DS2_v2")

    /// Resolves a requested size; empty means the default. Names compare case-insensitively, as in ARM.
    public func resolve(_ requested: String, target: String) throws(ServiceError) -> VMSize {
        let wanted = requested.isEmpty ? defaultSize : requested
        guard let size = sizes.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
            throw .invalidParameter(
                target: target,
                message: "The VM size '\(wanted)' is not offered. Allowed sizes: \(sizes.map(\.name).joined(separator: ", ")).")
        }
        return size
    }
}
