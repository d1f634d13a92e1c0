import Testing

@testable import KubeAPI

extension ProtobufDecodingTests {
    @Test("Pod keeps emptyDir {} and pointer zeros, inlines configMap's name and formats timestamps")
    func pod() throws {
        let body = envelope("v1", "Pod") { pod in
            pod.message(1) {
                $0.string(1, "runner")
                $0.message(8) { $0.int(1, 1_704_164_645) }  // creationTimestamp
            }
            pod.message(2) { spec in
                spec.message(1) { volume in
                    volume.string(1, "scratch")
                    volume.message(2) { $0.message(2) { _ in } }  // volumeSource (embedded) { emptyDir: {} }
                }
                spec.message(1) { volume in
                    volume.string(1, "settings")
                    // volumeSource (embedded) { configMap { localObjectReference (embedded) { name } } }
                    volume.message(2) { $0.message(19) { $0.message(1) { $0.string(1, "app-config") } } }
                }
                spec.message(2) { $0.string(1, "main") }
                spec.int(4, 0)  // terminationGracePeriodSeconds: pointer, kept
                spec.message(22) { toleration in
                    toleration.string(1, "node.kubernetes.io/unreachable")
                    toleration.string(2, "Exists")
                    toleration.string(4, "NoExecute")
                    toleration.int(5, 300)
                }
                spec.bool(11, true)  // hostNetwork
            }
        }
        #expect(
            try ProtobufBody.decode(body) == [
                "apiVersion": "v1", "kind": "Pod",
                "metadata": ["name": "runner", "creationTimestamp": "2024-01-02T03:04:05Z"],
                "spec": [
                    "volumes": [
                        ["name": "scratch", "emptyDir": [:]],
                        ["name": "settings", "configMap": ["name": "app-config"]],
                    ],
                    "containers": [["name": "main"]],
                    "terminationGracePeriodSeconds": 0,
                    "tolerations": [
                        [
                            "key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute",
                            "tolerationSeconds": 300,
                        ]
                    ],
                    "hostNetwork": true,
                ],
            ])
    }

    @Test("Service ports carry numeric and named target ports")
    func service() throws {
        let body = envelope("v1", "Service") { service in
            kubectlMetadata(&service, name: "web")
            service.message(2) { spec in
                spec.message(1) { port in
                    port.string(1, "http")
                    port.string(2, "TCP")
                    port.int(3, 80)
                    port.message(4) { $0.int(2, 8080) }
                    port.int(5, 0)
                }
                spec.message(1) { port in
                    port.string(1, "metrics")
                    port.int(3, 9090)
                    port.message(4) {
                        $0.int(1, 1)
                        $0.string(3, "metrics")
                    }
                }
                spec.entry(2, "app", "web")
                spec.string(3, "")
                spec.string(4, "ClusterIP")
            }
        }
        #expect(
            try ProtobufBody.decode(body)["spec"] == [
                "ports": [
                    ["name": "http", "protocol": "TCP", "port": 80, "targetPort": 8080],
                    ["name": "metrics", "port": 9090, "targetPort": "metrics"],
                ],
                "selector": ["app": "web"], "type": "ClusterIP",
            ])
    }

    @Test("SelfSubjectAccessReview from kubectl auth can-i")
    func selfSubjectAccessReview() throws {
        let resource = envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview") { review in
            kubectlMetadata(&review, name: "")
            review.message(2) { spec in
                spec.message(1) { attributes in
                    attributes.string(1, "default")
                    attributes.string(2, "create")
                    attributes.string(3, "apps")
                    attributes.string(4, "")
                    attributes.string(5, "deployments")
                    attributes.string(6, "")
                    attributes.string(7, "")
                }
            }
            review.message(3) { $0.bool(1, false) }  // status: not read
        }
        #expect(
            try ProtobufBody.decode(resource) == [
                "apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
                "spec": [
                    "resourceAttributes": [
                        "namespace": "default", "verb": "create", "group": "apps", "resource": "deployments",
                    ]
                ],
            ])
        let nonResource = envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview") { review in
            review.message(2) { spec in
                spec.message(2) {
                    $0.string(1, "/healthz")
                    $0.string(2, "get")
                }
            }
        }
        #expect(
            try ProtobufBody.decode(nonResource)["spec"] == [
                "nonResourceAttributes": ["path": "/healthz", "verb": "get"]
            ])
    }

    @Test("DeleteOptions keeps gracePeriodSeconds 0", arguments: ["v1", "meta.k8s.io/v1"])
    func deleteOptions(apiVersion: String) throws {
        let body = envelope(apiVersion, "DeleteOptions") { options in
            options.int(1, 0)
            options.message(2) { $0.string(1, "6f1c0e4a") }
            options.string(4, "Background")
            options.string(5, "All")
        }
        #expect(
            try ProtobufBody.decode(body) == [
                "apiVersion": .string(apiVersion), "kind": "DeleteOptions", "gracePeriodSeconds": 0,
                "preconditions": ["uid": "6f1c0e4a"], "propagationPolicy": "Background", "dryRun": ["All"],
            ])
    }

    @Test("ClusterRoleBinding subjects and roleRef; ClusterRole rules")
    func rbac() throws {
        let binding = envelope("rbac.authorization.k8s.io/v1", "ClusterRoleBinding") { binding in
            kubectlMetadata(&binding, name: "admins")
            binding.message(2) { subject in
                subject.string(1, "User")
                subject.string(2, "rbac.authorization.k8s.io")
                subject.string(3, "alice")
                subject.string(4, "")
            }
            binding.message(2) { subject in
                subject.string(1, "ServiceAccount")
                subject.string(2, "")
                subject.string(3, "builder")
                subject.string(4, "ci")
            }
            binding.message(3) { ref in
                ref.string(1, "rbac.authorization.k8s.io")
                ref.string(2, "ClusterRole")
                ref.string(3, "cluster-admin")
            }
        }
        #expect(
            try ProtobufBody.decode(binding) == [
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                "metadata": ["name": "admins"],
                "subjects": [
                    ["kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": "alice"],
                    ["kind": "ServiceAccount", "name": "builder", "namespace": "ci"],
                ],
                "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"],
            ])
        let role = envelope("rbac.authorization.k8s.io/v1", "ClusterRole") { role in
            kubectlMetadata(&role, name: "reader")
            role.message(2) { rule in
                rule.string(1, "get")
                rule.string(1, "list")
                rule.string(2, "")
                rule.string(3, "pods")
            }
            role.message(2) { rule in
                rule.string(1, "get")
                rule.string(5, "/healthz")
            }
        }
        #expect(
            try ProtobufBody.decode(role)["rules"] == [
                ["verbs": ["get", "list"], "apiGroups": [""], "resources": ["pods"]],
                ["verbs": ["get"], "nonResourceURLs": ["/healthz"]],
            ])
    }
}
