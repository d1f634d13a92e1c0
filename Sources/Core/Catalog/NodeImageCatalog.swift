import Foundation

/// Node images released by the provider (POLICY N8: weekly releases, not applied automatically).
public struct NodeImageCatalog: Sendable {
    /// Image family per OS SKU, e.g. `AKSUbuntu-2204gen2containerd`.
    public let families: [String: String]
    /// Release tags, oldest first, e.g. `202611.17.0`.
    public let releases: [String]

    public static let standard = NodeImageCatalog(
        families: ["Ubuntu": "AKSUbuntu-2204gen2containerd", "AzureLinux": "AKSAzureLinux-V3gen2", "Windows2022": "AKSWindows-2022-containerd"],
        releases: ["202610.27.0", "202611.03.0", "202611.10.0", "202611.17.0"])

    /// The newest image for an OS SKU.
    public func latest(osSKU: String) -> String {
        let family = families[osSKU] ?? families["Ubuntu"]!
        return "\(family)-\(releases.last!)"
    }
}
