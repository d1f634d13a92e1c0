import Foundation
import KubeAPI
import Testing

/// Realistic Kubernetes objects, built here, to compare `JSON.parse` with the `JSONDecoder`
/// decoding it replaced.
private enum KubeCorpus {
    static func node(_ index: Int) -> JSON {
        let name = "aks-nodepool1-12345678-vmss\(String(index, radix: 36, uppercase: false))"
        let conditions: [JSON] = ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"].map { type in
            [
                "type": .string(type), "status": type == "Ready" ? "True" : "False", "reason": .string("Kubelet\(type)"),
                "lastHeartbeatTime": "2026-11-26T01:29:00Z", "lastTransitionTime": "2026-11-25T22:13:00Z",
                "message": type == "Ready" ? "kubelet is posting ready status. AppArmor enabled" : "kubelet has sufficient resources",
            ]
        }
        let images: [JSON] = (0..<8).map { image in
            ["names": [.string("mcr.microsoft.com/oss/kubernetes/img\(image):v1.\(image).0")], "sizeBytes": .int(10_000_000 + Int64(image) * 1_234_567)]
        }
        return [
            "apiVersion": "v1", "kind": "Node",
            "metadata": [
                "name": .string(name), "uid": "6f1c1a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "resourceVersion": .string("\(1000 + index)"),
                "labels": [
                    "agentpool": "nodepool1", "kubernetes.io/hostname": .string(name), "kubernetes.io/os": "linux",
                    "node-role.kubernetes.io/agent": "", "topology.kubernetes.io/zone": "westeurope-1",
                    "kubernetes.azure.com/node-image-version": "AKSUbuntu-2204gen2containerd-202411.12.0",
                ],
                "annotations": ["node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true"],
            ],
            "spec": [
                "providerID": .string("azure:///subscriptions/0000/resourceGroups/mc_rg/providers/Microsoft.Compute/virtualMachineScaleSets/vmss/virtualMachines/\(index)"),
                "podCIDR": "10.244.3.0/24", "podCIDRs": ["10.244.3.0/24"],
                "taints": [["key": "CriticalAddonsOnly", "value": "true", "effect": "NoSchedule"]],
            ],
            "status": [
                "capacity": ["cpu": "4", "memory": "16365708Ki", "pods": "110"], "allocatable": ["cpu": "3860m", "memory": "12880524Ki", "pods": "110"],
                "conditions": .array(conditions), "images": .array(images),
                "addresses": [["type": "InternalIP", "address": "10.224.0.4"], ["type": "Hostname", "address": .string(name)]],
                "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
                "nodeInfo": ["kernelVersion": "5.15.0-1074-azure", "osImage": "Ubuntu 22.04.5 LTS", "kubeletVersion": "v1.31.2", "architecture": "amd64"],
            ],
        ]
    }

    /// A pod template as Deployments, ReplicaSets and Pods carry it.
    static func podSpec(_ index: Int) -> JSON {
        [
            "containers": [
                [
                    "name": "web", "image": "nginx:1.27", "args": ["--port=8080", "--greeting=\"hello\"\tworld"],
                    "ports": [["containerPort": 8080, "protocol": "TCP", "name": "http"]],
                    "env": [["name": "INDEX", "value": .string("\(index)")], ["name": "MOTD", "value": "café ☕ 日本 😀\nline two"]],
                    "resources": ["requests": ["cpu": "100m", "memory": "128Mi"], "limits": ["cpu": "500m", "memory": "256Mi"]],
                    "readinessProbe": ["httpGet": ["path": "/healthz", "port": 8080], "periodSeconds": 10, "failureThreshold": 3],
                    "volumeMounts": [["name": "config", "mountPath": "/etc/web", "readOnly": true]],
                ]
            ],
            "volumes": [["name": "config", "configMap": ["name": "web-config", "defaultMode": 420]]],
            "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst", "restartPolicy": "Always",
            "tolerations": [["key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300]],
            "affinity": ["podAntiAffinity": ["preferredDuringSchedulingIgnoredDuringExecution": [["weight": 100, "podAffinityTerm": ["topologyKey": "kubernetes.io/hostname"]]]]],
        ]
    }

    static func pod(_ index: Int) -> JSON {
        [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": [
                "name": .string("web-5d8f7c9b6-\(index)"), "namespace": "default", "labels": ["app": "web", "pod-template-hash": "5d8f7c9b6"],
                "ownerReferences": [["apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-5d8f7c9b6", "controller": true, "blockOwnerDeletion": true]],
            ],
            "spec": podSpec(index),
            "status": ["phase": "Running", "podIP": .string("10.244.3.\(index % 250)"), "qosClass": "Burstable", "containerStatuses": [["name": "web", "ready": true, "restartCount": 0]]],
        ]
    }

    static func deployment(_ index: Int) -> JSON {
        var deployment: JSON = [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": [
                "name": .string("web-\(index)"), "namespace": "default", "generation": 3,
                "managedFields": [["manager": "kubectl-client-side-apply", "operation": "Update", "fieldsType": "FieldsV1", "fieldsV1": ["f:metadata": ["f:labels": [".": [:], "f:app": [:]]]]]],
            ],
            "spec": [
                "replicas": .int(Int64(index % 5)), "revisionHistoryLimit": 10, "progressDeadlineSeconds": 600,
                "selector": ["matchLabels": ["app": "web"]],
                "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": "25%", "maxUnavailable": "25%"]],
                "template": ["metadata": ["labels": ["app": "web"]], "spec": podSpec(index)],
            ],
            "status": ["observedGeneration": 3, "replicas": 3, "readyReplicas": 3, "conditions": [["type": "Available", "status": "True"]]],
        ]
        // kubectl apply keeps the applied object as JSON inside a string: escapes everywhere.
        deployment[path: ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"]] = .string(deployment.text + "\n")
        return deployment
    }

    /// Fractions, exponents and large numbers, as custom resources may hold them.
    static let metrics: JSON = [
        "apiVersion": "example.com/v1", "kind": "Metric",
        "spec": ["threshold": 0.75, "scale": 1.25e-3, "tiny": 2.5e-7, "big": .int(9_007_199_254_740_993), "min": .int(.min), "huge": 1e300, "negative": -12.5],
    ]

    static let all: [(String, JSON)] = [
        ("Node", node(7)), ("Pod", pod(3)), ("Deployment", deployment(2)), ("Metric", metrics),
        ("List", ["apiVersion": "v1", "kind": "List", "items": .array((0..<5).map(node) + (0..<5).map(pod) + (0..<5).map(deployment))]),
    ]
}

extension JSONTests {
    @Test("Kubernetes objects parse exactly as JSONDecoder decoded them, compact and pretty-printed", arguments: KubeCorpus.all.map { $0.0 })
    func sameAsJSONDecoder(kind: String) throws {
        let object = try #require(KubeCorpus.all.first { $0.0 == kind }?.1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]  // whitespace, and "/" escaped as "\/"
        for bytes in [object.serialized(), Array(try encoder.encode(object))] {
            let parsed = try JSON.parse(bytes)
            #expect(parsed == (try JSONDecoder().decode(JSON.self, from: Data(bytes))))
            #expect(parsed == object)
        }
    }

    @Test("a large list round-trips byte for byte")
    func largeDocument() throws {
        let list: JSON = ["apiVersion": "v1", "kind": "List", "items": .array((0..<200).map(KubeCorpus.node) + (0..<200).map(KubeCorpus.deployment))]
        let bytes = list.serialized()
        #expect(bytes.count > 1_000_000)
        let parsed = try JSON.parse(bytes)
        #expect(parsed == list)
        #expect(parsed.serialized() == bytes)
    }
}
