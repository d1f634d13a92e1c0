/// The add-ons the service runs in every cluster's `kube-system` (CP1), as data.
struct ManagedAddon: Sendable {
    let name: String
    let image: String
    let daemonSet: Bool
    let replicas: Int64

    static let all: [ManagedAddon] = [
        ManagedAddon(name: "coredns", image: "mcr.microsoft.com/oss/kubernetes/coredns:v1.11.3", daemonSet: false, replicas: 2),
        ManagedAddon(name: "metrics-server", image: "mcr.microsoft.com/oss/kubernetes/metrics-server:v0.7.2", daemonSet: false, replicas: 2),
        ManagedAddon(name: "konnectivity-agent", image: "mcr.microsoft.com/oss/kubernetes/apiserver-network-proxy/agent:v0.30.3", daemonSet: false, replicas: 2),
        ManagedAddon(name: "kube-proxy", image: "mcr.microsoft.com/oss/kubernetes/kube-proxy:v1.34.2", daemonSet: true, replicas: 0),
        ManagedAddon(name: "azure-ip-masq-agent", image: "mcr.microsoft.com/aks/ip-masq-agent-v2:v0.1.15", daemonSet: true, replicas: 0),
    ]

    func workload(labels: JSON) -> JSON {
        let selector: JSON = ["k8s-app": .string(name)]
        var podLabels = selector
        for (key, value) in labels.objectValue ?? [:] { podLabels[key] = value }
        var spec: JSON = [
            "selector": ["matchLabels": selector],
            "template": [
                "metadata": ["labels": podLabels],
                "spec": [
                    "serviceAccountName": .string(name),
                    "priorityClassName": "system-node-critical",
                    "tolerations": [["key": "CriticalAddonsOnly", "operator": "Exists"]],
                    "containers": [["name": .string(name), "image": .string(image)]],
                ],
            ],
        ]
        if daemonSet {
            spec["updateStrategy"] = ["type": "RollingUpdate"]
        } else {
            spec["replicas"] = .int(replicas)
            spec["strategy"] = ["type": "RollingUpdate"]
        }
        return ["metadata": ["name": .string(name), "namespace": "kube-system", "labels": labels], "spec": spec, "status": [:]]
    }

    static let kubeDNSService: JSON = [
        "metadata": ["name": "kube-dns", "namespace": "kube-system", "labels": ["k8s-app": "kube-dns"]],
        "spec": [
            "type": "ClusterIP", "clusterIP": "10.0.0.10", "clusterIPs": ["10.0.0.10"], "selector": ["k8s-app": "coredns"],
            "ports": [
                ["name": "dns", "port": 53, "protocol": "UDP", "targetPort": 53],
                ["name": "dns-tcp", "port": 53, "protocol": "TCP", "targetPort": 53],
            ],
        ],
    ]

    static let corefile = """
        .:53 {
            errors
            ready
            health
            kubernetes cluster.local in-addr.arpa ip6.arpa {
              pods insecure
              fallthrough in-addr.arpa ip6.arpa
            }
            prometheus :9153
            forward . /etc/resolv.conf
            cache 30
            loop
            reload
            loadbalance
            import custom/*.override
        }
        import custom/*.server
        """
}
