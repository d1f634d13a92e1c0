import Core
import Foundation
import KubeAPI
import NodeAgent
import Testing

@Suite struct RegistrationTests {
    @Test(
        "a new agent registers its Node as AKS does: labels, taints, capacity, nodeInfo, conditions")
    func registersNode() async throws {
        try await NodeAgentFixture.with { fixture in
            let spec = NodeAgentFixture.spec(0, zone: "2")
            await fixture.host.sync([spec])
            let node = try await fixture.node(spec.name)
            let labels = ObjectMeta.labels(node)
            #expect(
                labels["kubernetes.azure.com/agentpool"] == "nodepool1"
                    && labels["agentpool"] == "nodepool1")
            #expect(labels["kubernetes.azure.com/mode"] == "system")
            #expect(
                labels["kubernetes.azure.com/node-image-version"]
                    == "AKSUbuntu-2204gen2containerd-202411.12.0")
            #expect(
                labels["kubernetes.azure.com/os-sku"] == "Ubuntu"
                    && labels["kubernetes.azure.com/role"] == "agent")
            #expect(labels["kubernetes.azure.com/cluster"] == "MC_rg_c1_eastus")
            #expect(labels["kubernetes.io/os"] == "linux" && labels["kubernetes.io/arch"] == "amd64")
            #expect(
                labels["kubernetes.io/hostname"] == spec.name
                    && labels["node-role.kubernetes.io/agent"] == "")
            #expect(
                labels["node.kubernetes.io/instance-type"] == "Standard_DS2_v2"
                    && labels["beta.kubernetes.io/instance-type"] == "Standard_DS2_v2")
            #expect(
                labels["topology.kubernetes.io/region"] == "eastus"
                    && labels["topology.kubernetes.io/zone"] == "eastus-2")
            #expect(labels["failure-domain.beta.kubernetes.io/zone"] == "eastus-2")
            #expect(labels["team"] == "payments")

            #expect(node[path: ["spec", "providerID"]]?.stringValue == spec.providerID)
            #expect(node[path: ["spec", "podCIDR"]]?.stringValue == "10.244.0.0/24")
            let taints = node[path: ["spec", "taints"]]?.arrayValue ?? []
            #expect(taints == [["key": "CriticalAddonsOnly", "value": "true", "effect": "NoSchedule"]])

            #expect(node[path: ["status", "capacity", "cpu"]]?.stringValue == "2")
            #expect(node[path: ["status", "capacity", "pods"]]?.stringValue == "110")
            #expect(node[path: ["status", "allocatable", "cpu"]]?.stringValue == "1900m")
            let capacityKi =
                Int(node[path: ["status", "capacity", "memory"]]?.stringValue?.dropLast(2) ?? "") ?? 0
            let allocatableKi =
                Int(node[path: ["status", "allocatable", "memory"]]?.stringValue?.dropLast(2) ?? "") ?? 0
            #expect(
                capacityKi > 6_800_000 && allocatableKi < capacityKi && allocatableKi > capacityKi / 2)
            #expect(node[path: ["status", "daemonEndpoints", "kubeletEndpoint", "Port"]] == 10250)
            #expect(
                node[path: ["status", "addresses"]] == [
                    ["type": "InternalIP", "address": "10.224.0.4"],
                    ["type": "Hostname", "address": .string(spec.name)],
                ])

            let info = try #require(node[path: ["status", "nodeInfo"]])
            #expect(info["kubeletVersion"] == "v1.33.4" && info["kubeProxyVersion"] == "v1.33.4")
            #expect(info["containerRuntimeVersion"]?.stringValue?.hasPrefix("containerd://1.7.") == true)
            #expect(
                info["osImage"] == "Ubuntu 22.04.5 LTS" && info["operatingSystem"] == "linux"
                    && info["architecture"] == "amd64")
            #expect(
                info["machineID"]?.stringValue?.count == 32 && info["bootID"]?.stringValue?.isEmpty == false
            )

            // POLICY N5: the managed node components are listed on the node.
            let components = ObjectMeta.annotations(node)["kubernetes.azure.com/node-components"] ?? ""
            #expect(
                components.contains("kubelet=v1.33.4") && components.contains("containerd=1.7.")
                    && components.contains("node-problem-detector="))

            let ready = try #require(NodeAgentFixture.condition(node, "Ready"))
            #expect(ready["status"] == "True" && ready["reason"] == "KubeletReady")
            for type in ["MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"] {
                #expect(NodeAgentFixture.condition(node, type)?["status"] == "False", "\(type)")
            }
            #expect(await fixture.host.readyNodes == 1)
        }
    }

    @Test("registration creates the node's Lease in kube-node-lease, owned by the Node")
    func createsLease() async throws {
        try await NodeAgentFixture.with { fixture in
            let spec = NodeAgentFixture.spec(0)
            await fixture.host.sync([spec])
            let node = try await fixture.node(spec.name)
            let lease = try await fixture.lease(spec.name)
            #expect(lease[path: ["spec", "holderIdentity"]]?.stringValue == spec.name)
            #expect(lease[path: ["spec", "leaseDurationSeconds"]] == 40)
            let renewed = try #require(
                lease[path: ["spec", "renewTime"]]?.stringValue.flatMap(ObjectMeta.parseTimestamp))
            #expect(abs(renewed.timeIntervalSince(fixture.clock.now())) < 1)
            let owner = try #require(lease[path: ["metadata", "ownerReferences"]]?.arrayValue?.first)
            #expect(
                owner["kind"] == "Node" && owner["name"]?.stringValue == spec.name
                    && owner["uid"] == node[path: ["metadata", "uid"]])
        }
    }

    @Test("user pools carry no CriticalAddonsOnly taint and get their own pod CIDRs")
    func userPool() async throws {
        try await NodeAgentFixture.with { fixture in
            let specs = [
                NodeAgentFixture.spec(0, pool: "user1", mode: .user),
                NodeAgentFixture.spec(1, pool: "user1", mode: .user),
            ]
            await fixture.host.sync(specs)
            let first = try await fixture.node(specs[0].name)
            let second = try await fixture.node(specs[1].name)
            #expect(first[path: ["spec", "taints"]] == JSON?.none)
            #expect(ObjectMeta.labels(first)["kubernetes.azure.com/mode"] == "user")
            #expect(ObjectMeta.labels(first)["topology.kubernetes.io/zone"] == "0")
            let cidrs = Set([first, second].compactMap { $0[path: ["spec", "podCIDR"]]?.stringValue })
            #expect(cidrs == ["10.244.0.0/24", "10.244.1.0/24"])
        }
    }
}
