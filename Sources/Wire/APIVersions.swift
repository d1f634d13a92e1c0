/// The api-versions of Microsoft.ContainerService the service speaks.
public enum APIVersions {
    /// Newest stable version in the published spec.
    public static let newest = "2026-10-01"
    /// What azure-mgmt-containerservice 41.8.0 sends by default.
    public static let pythonSDK = "2026-08-01"
    /// What azure-cli 2.91.0 `az aks` sends.
    public static let azureCLI = "2026-06-01"
    public static let supported = [newest, pythonSDK, azureCLI]
    /// The version the `hm` CLI uses.
    public static let cli = pythonSDK
}
