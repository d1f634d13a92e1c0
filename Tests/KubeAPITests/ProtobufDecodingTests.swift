import Testing

@testable import KubeAPI

@Suite struct ProtobufDecodingTests {
    @Test("ConfigMap as kubectl sends it: empty scalars and the zero timestamp are absent, data is kept")
    func configMap() throws {
        let body = envelope("v1", "ConfigMap") { cm in
            kubectlMetadata(&cm, name: "game-config")
            cm.entry(2, "lives", "3")
            cm.entry(2, "empty", "")
        }
        #expect(ProtobufBody.hasMagic(body))
        let object = try ProtobufBody.decode(body)
        #expect(
            object == [
                "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "game-config"],
                "data": ["lives": "3", "empty": ""],
            ])
    }

    @Test("an object whose metadata is all empty has no name, generateName or creationTimestamp")
    func emptyMetadata() throws {
        let body = envelope("v1", "Namespace") { ns in
            kubectlMetadata(&ns, name: "")
            ns.message(2) { _ in }  // spec with no finalizers
            ns.message(3) { $0.string(1, "") }  // status: not read
        }
        #expect(try ProtobufBody.decode(body) == ["apiVersion": "v1", "kind": "Namespace"])
    }

    @Test("Secret data bytes become base64 strings")
    func secret() throws {
        let body = envelope("v1", "Secret") { secret in
            kubectlMetadata(&secret, name: "db")
            secret.message(2) {
                $0.string(1, "password")
                $0.data(2, Array("hunter2".utf8))
            }
            secret.message(2) {
                $0.string(1, "raw")
                $0.data(2, [0x00, 0x01, 0x02, 0xFF])
            }
            secret.string(3, "Opaque")
        }
        #expect(
            try ProtobufBody.decode(body) == [
                "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "db"], "type": "Opaque",
                "data": ["password": "aHVudGVyMg==", "raw": "AAEC/w=="],
            ])
    }

    @Test("Deployment keeps replicas 0 and reads containers, ports, quantities and IntOrString")
    func deployment() throws {
        let object = try ProtobufBody.decode(Self.deploymentBody)
        let expected: JSON = [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": "web", "labels": ["app": "web"]],
            "spec": [
                "replicas": 0,
                "selector": ["matchLabels": ["app": "web"]],
                "template": [
                    "metadata": ["labels": ["app": "web"]],
                    "spec": [
                        "containers": [
                            [
                                "name": "nginx", "image": "nginx:1.27", "args": ["-g", "daemon off;"],
                                "ports": [["containerPort": 80, "protocol": "TCP"]],
                                "resources": ["limits": ["cpu": "500m"], "requests": ["memory": "64Mi"]],
                            ]
                        ]
                    ],
                ],
                "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": 0, "maxSurge": "25%"]],
            ],
        ]
        #expect(object == expected)
    }

    /// `kubectl create deployment web --image=nginx:1.27 --port=80 --replicas=0`, plus resources and a strategy.
    static let deploymentBody = envelope("apps/v1", "Deployment", raw: deploymentRaw)

    static let deploymentRaw: [UInt8] = {
        var deployment = ProtoWriter()
        kubectlMetadata(&deployment, name: "web", labels: [("app", "web")])
        deployment.message(2) { spec in
            spec.int(1, 0)  // replicas: a pointer, written because it is set
            spec.message(2) { $0.entry(1, "app", "web") }
            spec.message(3) { template in
                kubectlMetadata(&template, name: "", labels: [("app", "web")])
                template.message(2) { pod in
                    pod.message(2) { container in
                        container.string(1, "nginx")
                        container.string(2, "nginx:1.27")
                        container.string(4, "-g")
                        container.string(4, "daemon off;")
                        container.string(5, "")
                        container.message(6) { port in
                            port.string(1, "")
                            port.int(2, 0)
                            port.int(3, 80)
                            port.string(4, "TCP")
                            port.string(5, "")
                        }
                        container.message(8) { resources in
                            resources.quantity(1, "cpu", "500m")
                            resources.quantity(2, "memory", "64Mi")
                        }
                        container.string(13, "")
                        container.string(14, "")
                        container.bool(16, false)
                    }
                    pod.string(3, "")
                    pod.bool(11, false)
                }
            }
            spec.message(4) { strategy in
                strategy.string(1, "RollingUpdate")
                strategy.message(2) { rolling in
                    rolling.message(1) {  // maxUnavailable: IntOrString{Int 0}, kept (pointer)
                        $0.int(1, 0)
                        $0.int(2, 0)
                        $0.string(3, "")
                    }
                    rolling.message(2) {  // maxSurge: IntOrString{String "25%"}
                        $0.int(1, 1)
                        $0.int(2, 0)
                        $0.string(3, "25%")
                    }
                }
            }
            spec.int(5, 0)  // minReadySeconds
            spec.bool(7, false)  // paused
        }
        deployment.message(3) { _ in }  // status: not read
        return deployment.bytes
    }()
}
