/// What one node agent runs as: a VM instance of an agent pool, as the IaaS layer describes
/// it. The host starts an agent per spec and re-registers the Node when the spec changes.
public struct NodeAgentSpec: Sendable, Equatable {
    /// System pools host the managed add-ons; User pools host workloads (POLICY N1).
    public enum Mode: String, Sendable, Equatable {
        case system = "System"
        case user = "User"
    }

    /// The node name: the VM's computer name, e.g. `aks-nodepool1-12345678-vmss000000`.
    public var name: String
    /// The agent pool, e.g. `nodepool1`.
    public var pool: String
    public var mode: Mode
    /// The VM size name and the resources it gives the node (from `VMSizeCatalog`).
    public var vmSize: String
    public var cores: Int
    public var memoryGiB: Int
    public var maxPods: Int
    /// `Linux` or `Windows`.
    public var osType: String
    /// `Ubuntu`, `AzureLinux`, `Windows2022`...
    public var osSKU: String
    /// The node image, e.g. `AKSUbuntu-2204gen2containerd-202411.12.0`.
    public var nodeImageVersion: String
    /// Kubernetes version of the pool, without the `v`, e.g. `1.33.4`.
    public var kubernetesVersion: String
    /// The Azure region, e.g. `eastus`.
    public var region: String
    /// Availability zone number (`1`, `2`, `3`), or nil for a non-zonal pool.
    public var zone: String?
    /// The NIC's address in the node subnet.
    public var internalIP: String
    /// `azure:///subscriptions/.../virtualMachineScaleSets/aks-.../virtualMachines/0`.
    public var providerID: String
    /// The node resource group (`MC_{rg}_{cluster}_{location}`), the `kubernetes.azure.com/cluster` label.
    public var nodeResourceGroup: String
    /// The managed cluster's name.
    public var clusterName: String
    /// The pool's user labels (`nodeLabels`) and taints (`nodeTaints`).
    public var labels: [String: String]
    public var taints: [NodeTaint]

    public init(
        name: String, pool: String, mode: Mode, vmSize: String, cores: Int, memoryGiB: Int, maxPods: Int,
        osType: String = "Linux", osSKU: String = "Ubuntu", nodeImageVersion: String, kubernetesVersion: String,
        region: String, zone: String? = nil, internalIP: String, providerID: String,
        nodeResourceGroup: String, clusterName: String, labels: [String: String] = [:], taints: [NodeTaint] = []
    ) {
        self.name = name
        self.pool = pool
        self.mode = mode
        self.vmSize = vmSize
        self.cores = cores
        self.memoryGiB = memoryGiB
        self.maxPods = maxPods
        self.osType = osType
        self.osSKU = osSKU
        self.nodeImageVersion = nodeImageVersion
        self.kubernetesVersion = kubernetesVersion
        self.region = region
        self.zone = zone
        self.internalIP = internalIP
        self.providerID = providerID
        self.nodeResourceGroup = nodeResourceGroup
        self.clusterName = clusterName
        self.labels = labels
        self.taints = taints
    }

    var isWindows: Bool { osType.lowercased() == "windows" }
}

/// A taint a pool puts on its nodes, e.g. `CriticalAddonsOnly=true:NoSchedule`.
public struct NodeTaint: Sendable, Equatable, Hashable {
    public var key: String
    public var value: String
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    public var effect: String

    public init(key: String, value: String = "", effect: String) {
        self.key = key
        self.value = value
        self.effect = effect
    }

    /// Parses the ARM `nodeTaints` form `key=value:Effect` (or `key:Effect`); nil when malformed.
    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let effect = String(text[text.index(after: colon)...])
        let pair = text[..<colon]
        guard ["NoSchedule", "PreferNoSchedule", "NoExecute"].contains(effect), !pair.isEmpty else { return nil }
        if let equals = pair.firstIndex(of: "=") {
            self.init(key: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...]), effect: effect)
        } else {
            self.init(key: String(pair), effect: effect)
        }
    }
}
