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

/// The api-versions of the simulated IaaS's providers: what the pinned SDKs send by default
/// (azure-mgmt-compute 39.0.0, azure-mgmt-network 33.1.0) first, then older common ones.
public enum IaaSAPIVersions {
    public static let compute = ["2026-04-01", "2025-04-01", "2024-11-01", "2024-07-01"]
    public static let network = ["2026-03-01", "2025-05-01", "2024-05-01", "2024-03-01"]
}
