import Foundation
import KubeAPI

/// The Node object a node agent registers, as AKS's kubelet registers it: labels, spec
/// (providerID, pod CIDR, the pool's taints) and status.
enum NodeObject {
    /// The labels AKS puts on a node, then the pool's user labels.
    static func labels(_ spec: NodeAgentSpec) -> [String: String] {
        let os = spec.isWindows ? "windows" : "linux"
        let zone = spec.zone.map { "\(spec.region)-\($0)" } ?? "0"
        var labels: [String: String] = [
            "agentpool": spec.pool,
            "kubernetes.azure.com/agentpool": spec.pool,
            "kubernetes.azure.com/mode": spec.mode.rawValue.lowercased(),
            "kubernetes.azure.com/node-image-version": spec.nodeImageVersion,
            "kubernetes.azure.com/os-sku": spec.osSKU,
            "kubernetes.azure.com/role": "agent",
            "kubernetes.azure.com/cluster": spec.nodeResourceGroup,
            "kubernetes.azure.com/nodepool-type": "VirtualMachineScaleSets",
            "kubernetes.azure.com/storageprofile": "managed",
            "kubernetes.azure.com/storagetier": "Premium_LRS",
            "kubernetes.io/os": os,
            "kubernetes.io/arch": "amd64",
            "kubernetes.io/hostname": spec.name,
            "kubernetes.io/role": "agent",
            "node-role.kubernetes.io/agent": "",
            "node.kubernetes.io/instance-type": spec.vmSize,
            "beta.kubernetes.io/instance-type": spec.vmSize,
            "beta.kubernetes.io/os": os,
            "beta.kubernetes.io/arch": "amd64",
            "topology.kubernetes.io/region": spec.region,
            "topology.kubernetes.io/zone": zone,
            "failure-domain.beta.kubernetes.io/region": spec.region,
            "failure-domain.beta.kubernetes.io/zone": zone,
            "storageprofile": "managed",
            "storagetier": "Premium_LRS",
        ]
        for (key, value) in spec.labels where labels[key] == nil { labels[key] = value }
        return labels
    }

    static func annotations(_ spec: NodeAgentSpec) -> [String: String] {
        [
            "node.alpha.kubernetes.io/ttl": "0",
            "volumes.kubernetes.io/controller-managed-attach-detach": "true",
            NodeImageContents.componentsAnnotation: NodeImageContents.forSKU(spec.osSKU).components(kubernetesVersion: spec.kubernetesVersion),
        ]
    }

    /// A new Node, status included (the kubelet registers with its first status).
    static func make(_ spec: NodeAgentSpec, podCIDR: String, status: JSON) -> JSON {
        let node: JSON = ["apiVersion": "v1", "kind": "Node", "metadata": ["name": .string(spec.name)], "spec": [:], "status": status]
        return registering(node, spec, podCIDR: podCIDR)
    }

    /// An existing Node brought up to date after a VM start or reimage: AKS labels and
    /// annotations are rewritten, customer labels and taints added since are kept, and
    /// `spec.podCIDR` stays as first allocated (it is immutable).
    static func reregistered(_ existing: JSON, _ spec: NodeAgentSpec) -> JSON {
        registering(existing, spec, podCIDR: "")
    }

    private static func registering(_ node: JSON, _ spec: NodeAgentSpec, podCIDR: String) -> JSON {
        var node = node
        var labels = node[path: ["metadata", "labels"]]?.objectValue ?? [:]
        for (key, value) in Self.labels(spec) { labels[key] = .string(value) }
        node[path: ["metadata", "labels"]] = .object(labels)
        var annotations = node[path: ["metadata", "annotations"]]?.objectValue ?? [:]
        for (key, value) in Self.annotations(spec) { annotations[key] = .string(value) }
        node[path: ["metadata", "annotations"]] = .object(annotations)
        node[path: ["spec", "providerID"]] = .string(spec.providerID)
        if !podCIDR.isEmpty, node[path: ["spec", "podCIDR"]] == nil {
            node[path: ["spec", "podCIDR"]] = .string(podCIDR)
            node[path: ["spec", "podCIDRs"]] = [.string(podCIDR)]
        }
        var taints = node[path: ["spec", "taints"]]?.arrayValue ?? []
        for taint in spec.taints where !taints.contains(where: { $0["key"]?.stringValue == taint.key && $0["effect"]?.stringValue == taint.effect }) {
            var entry: JSON = ["key": .string(taint.key), "effect": .string(taint.effect)]
            if !taint.value.isEmpty { entry["value"] = .string(taint.value) }
            taints.append(entry)
        }
        if !taints.isEmpty { node[path: ["spec", "taints"]] = .array(taints) }
        return node
    }

    /// `status` as the kubelet posts it.
    static func status(_ spec: NodeAgentSpec, conditions: JSON, bootID: String) -> JSON {
        let image = NodeImageContents.forSKU(spec.osSKU)
        return [
            "capacity": NodeResources.capacity(spec),
            "allocatable": NodeResources.allocatable(spec),
            "conditions": conditions,
            "addresses": [["type": "InternalIP", "address": .string(spec.internalIP)], ["type": "Hostname", "address": .string(spec.name)]],
            "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
            "nodeInfo": [
                "machineID": .string(StableID.hex("machine/\(spec.providerID)", length: 32)),
                "systemUUID": .string(StableID.uuid("system/\(spec.providerID)")),
                "bootID": .string(bootID),
                "kernelVersion": .string(image.kernelVersion),
                "osImage": .string(image.osImage),
                "containerRuntimeVersion": .string("containerd://\(image.containerdVersion)"),
                "kubeletVersion": .string("v\(spec.kubernetesVersion)"),
                "kubeProxyVersion": .string("v\(spec.kubernetesVersion)"),
                "operatingSystem": .string(image.operatingSystem),
                "architecture": "amd64",
            ],
        ]
    }
}
