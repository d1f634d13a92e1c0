/// A VM extension in a scale set's model (`virtualMachineProfile.extensionProfile`) and on its
/// instances. Settings are kept as canonical JSON text so that two models compare exactly.
public struct VMExtension: Sendable, Codable, Equatable {
    public var name: String
    public var publisher: String
    public var type: String
    public var typeHandlerVersion: String
    public var autoUpgradeMinorVersion: Bool
    /// Public settings as JSON text with sorted keys; nil when none.
    public var settings: String?
    public var provisionAfterExtensions: [String]

    public init(
        name: String, publisher: String, type: String, typeHandlerVersion: String, autoUpgradeMinorVersion: Bool = true,
        settings: String? = nil, provisionAfterExtensions: [String] = []
    ) {
        self.name = name
        self.publisher = publisher
        self.type = type
        self.typeHandlerVersion = typeHandlerVersion
        self.autoUpgradeMinorVersion = autoUpgradeMinorVersion
        self.settings = settings
        self.provisionAfterExtensions = provisionAfterExtensions
    }

    /// The extensions AKS puts on every node pool scale set: the custom-script bootstrap
    /// (`vmssCSE`, which joins the node), the billing marker and the node extension.
    /// Customers must not change them (POLICY N11).
    public static func managed(osType: String) -> [VMExtension] {
        if osType.lowercased() == "windows" {
            return [
                VMExtension(name: "vmssCSE", publisher: "Microsoft.Compute", type: "CustomScriptExtension", typeHandlerVersion: "1.10"),
                VMExtension(
                    name: "AKSWindowsBilling", publisher: "Microsoft.AKS", type: "Compute.AKS.Windows.Billing", typeHandlerVersion: "1.0",
                    provisionAfterExtensions: ["vmssCSE"]),
            ]
        }
        return [
            VMExtension(name: "vmssCSE", publisher: "Microsoft.Azure.Extensions", type: "CustomScript", typeHandlerVersion: "2.0"),
            VMExtension(
                name: "AKSLinuxBilling", publisher: "Microsoft.AKS", type: "Compute.AKS.Linux.Billing", typeHandlerVersion: "1.0",
                provisionAfterExtensions: ["vmssCSE"]),
            VMExtension(
                name: "AKSLinuxExtension", publisher: "Microsoft.AKS", type: "Compute.AKS.Linux.AKSNode", typeHandlerVersion: "1.0",
                provisionAfterExtensions: ["vmssCSE"]),
        ]
    }
}
