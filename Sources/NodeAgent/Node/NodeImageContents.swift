/// What a node image carries, by OS SKU (POLICY N5: the base OS image receives the managed
/// node components, monitoring and networking agents). Shown in `status.nodeInfo` and in the
/// reserved annotation `kubernetes.azure.com/node-components`.
public struct NodeImageContents: Sendable, Equatable {
    public var osImage: String
    public var kernelVersion: String
    public var operatingSystem: String
    /// containerd as `nodeInfo.containerRuntimeVersion` shows it, without the scheme.
    public var containerdVersion: String
    /// Managed agents baked into the image besides kubelet and containerd, name -> version.
    public var agents: [String: String]

    /// The annotation that lists the managed node components (N5).
    public static let componentsAnnotation = "kubernetes.azure.com/node-components"

    /// The image contents for an OS SKU (unknown SKUs get Ubuntu's).
    public static func forSKU(_ osSKU: String) -> NodeImageContents {
        table[osSKU.lowercased()] ?? table["ubuntu"]!
    }

    static let linuxAgents = [
        "azure-cni": "v1.6.21",  // networking: the pod network plugin
        "node-problem-detector": "v0.8.20",  // monitoring: reports node problem conditions
        "walinuxagent": "2.12.0.4",  // the Azure VM agent (extensions, provisioning)
    ]

    static let table: [String: NodeImageContents] = [
        "ubuntu": NodeImageContents(
            osImage: "Ubuntu 22.04.5 LTS", kernelVersion: "5.15.0-1079-azure", operatingSystem: "linux",
            containerdVersion: "1.7.27-1", agents: linuxAgents),
        "azurelinux": NodeImageContents(
            osImage: "Microsoft Azure Linux 3.0", kernelVersion: "6.6.64.2-9.azl3", operatingSystem: "linux",
            containerdVersion: "1.7.25", agents: linuxAgents),
        "windows2022": NodeImageContents(
            osImage: "Windows Server 2022 Datacenter", kernelVersion: "10.0.20348.2966", operatingSystem: "windows",
            containerdVersion: "1.7.20+azure", agents: ["azure-cni": "v1.6.21", "windowsazureguestagent": "2.7.41491.1102"]),
    ]

    /// `name=version` pairs, sorted, for the components annotation.
    func components(kubernetesVersion: String) -> String {
        var all = agents
        all["kubelet"] = "v\(kubernetesVersion)"
        all["kube-proxy"] = "v\(kubernetesVersion)"
        all["containerd"] = containerdVersion
        return all.keys.sorted().map { "\($0)=\(all[$0]!)" }.joined(separator: ",")
    }
}
