/// System-owned metadata prefixes (POLICY N4). Customers may add their own tags and labels,
/// but keys under these prefixes belong to the service.
public enum ReservedMetadata {
    public static let tagPrefixes = ["aks-managed-", "kubernetes.azure.com", "k8s-azure-", "microsoft.", "azure-", "harbormaster."]
    public static let labelPrefixes = ["kubernetes.azure.com/", "node.kubernetes.io/", "kubernetes.io/", "k8s.io/", "harbormaster.io/"]

    public static func isReservedTag(_ key: String) -> Bool {
        let k = key.lowercased()
        return tagPrefixes.contains { k.hasPrefix($0) }
    }

    public static func isReservedLabel(_ key: String) -> Bool {
        let k = key.lowercased()
        return labelPrefixes.contains { k.hasPrefix($0) || k.contains(".\($0)") }
    }
}
