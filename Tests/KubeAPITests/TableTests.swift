import Foundation
import KubeAPI
import Testing

@Suite struct TableTests {
    /// 2024-01-01T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_704_067_200)

    static func type(_ resource: String) -> ResourceType {
        ResourceCatalog.served.first { $0.resource == resource }!
    }

    static func cells(_ table: JSON) -> [[JSON]] {
        (table["rows"]?.arrayValue ?? []).map { $0["cells"]?.arrayValue ?? [] }
    }

    static let runningPod: JSON = [
        "metadata": [
            "name": "web-1", "namespace": "default", "uid": "u1", "resourceVersion": "7", "labels": ["app": "web"],
            "creationTimestamp": "2023-12-31T23:59:15Z", "managedFields": [["manager": "kubectl"]],
        ],
        "spec": ["nodeName": "n1", "containers": [["name": "web", "image": "nginx"], ["name": "sidecar", "image": "envoy"]]],
        "status": [
            "phase": "Running", "podIP": "10.0.0.5",
            "containerStatuses": [
                ["name": "web", "ready": true, "restartCount": 2, "state": ["running": ["startedAt": "2023-12-31T23:59:20Z"]]],
                ["name": "sidecar", "ready": true, "restartCount": 1, "state": ["running": [:]]],
            ],
        ],
    ]

    static let crashingPod: JSON = [
        "metadata": ["name": "web-2", "namespace": "prod", "creationTimestamp": "2023-12-31T21:50:00.123456Z"],
        "spec": ["containers": [["name": "web", "image": "nginx"]]],
        "status": [
            "phase": "Running",
            "containerStatuses": [
                ["name": "web", "ready": false, "restartCount": 5, "state": ["waiting": ["reason": "CrashLoopBackOff"]]]
            ],
        ],
    ]

    @Test("a pod Table has kubectl's columns, PartialObjectMetadata rows and the list metadata")
    func podTable() throws {
        let table = TableRenderer.table(
            Self.type("pods"), objects: [Self.runningPod, Self.crashingPod], resourceVersion: "1010", continueToken: "next",
            includeObject: false, includeColumnDefinitions: true, now: Self.now)
        #expect(table["kind"] == "Table")
        #expect(table["apiVersion"] == "meta.k8s.io/v1")
        #expect(table["metadata"] == ["resourceVersion": "1010", "continue": "next"])
        let columns = table["columnDefinitions"]?.arrayValue ?? []
        #expect(columns.compactMap { $0["name"]?.stringValue } == [
            "Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates",
        ])
        #expect(columns.first?["format"] == "name")
        #expect(columns.first { $0["name"] == "IP" }?["priority"] == 1)
        #expect(Self.cells(table) == [
            ["web-1", "2/2", "Running", 3, "45s", "10.0.0.5", "n1", "<none>", "<none>"],
            ["web-2", "0/1", "CrashLoopBackOff", 5, "129m", "<none>", "<none>", "<none>", "<none>"],
        ])
        let object = try #require(table["rows"]?.arrayValue?.first?["object"])
        #expect(object["kind"] == "PartialObjectMetadata")
        #expect(object["apiVersion"] == "meta.k8s.io/v1")
        #expect(object[path: ["metadata", "namespace"]] == "default")
        #expect(object[path: ["metadata", "labels", "app"]] == "web")
        #expect(object[path: ["metadata", "uid"]] == "u1")
        #expect(object[path: ["metadata", "managedFields"]] == nil)
        #expect(object["spec"] == nil)
    }

    @Test("includeObject puts the whole object, with kind and apiVersion, in the row; watch rows may skip the header")
    func fullObjectRows() {
        let table = TableRenderer.table(
            Self.type("pods"), objects: [Self.runningPod], resourceVersion: "9", continueToken: nil,
            includeObject: true, includeColumnDefinitions: false, now: Self.now)
        let object = table["rows"]?.arrayValue?.first?["object"]
        #expect(object?["kind"] == "Pod")
        #expect(object?["apiVersion"] == "v1")
        #expect(object?[path: ["spec", "nodeName"]] == "n1")
        #expect(table["columnDefinitions"] == nil)
        #expect(table["metadata"] == ["resourceVersion": "9"])
    }

    @Test("pod status: terminating, init containers, exit codes")
    func podStatuses() {
        func status(_ pod: JSON) -> JSON? {
            Self.cells(TableRenderer.table(
                Self.type("pods"), objects: [pod], resourceVersion: "1", continueToken: nil, includeObject: false,
                includeColumnDefinitions: false, now: Self.now)).first?[2]
        }
        var terminating = Self.runningPod
        terminating[path: ["metadata", "deletionTimestamp"]] = "2024-01-01T00:00:00Z"
        #expect(status(terminating) == "Terminating")
        var initializing = Self.crashingPod
        initializing[path: ["spec", "initContainers"]] = [["name": "setup", "image": "busybox"]]
        initializing[path: ["status", "initContainerStatuses"]] = [["name": "setup", "state": ["running": [:]]]]
        #expect(status(initializing) == "Init:0/1")
        var failed = Self.crashingPod
        failed[path: ["status", "containerStatuses"]] = [["name": "web", "state": ["terminated": ["exitCode": 3]]]]
        #expect(status(failed) == "ExitCode:3")
        var pending: JSON = ["metadata": ["name": "p"], "spec": ["containers": [["name": "c"]]], "status": ["phase": "Pending"]]
        #expect(status(pending) == "Pending")
        pending[path: ["spec", "readinessGates"]] = [["conditionType": "example.com/ready"]]
        pending[path: ["status", "conditions"]] = [["type": "example.com/ready", "status": "True"]]
        let gates = Self.cells(TableRenderer.table(
            Self.type("pods"), objects: [pending], resourceVersion: "1", continueToken: nil, includeObject: false,
            includeColumnDefinitions: false, now: Self.now)).first?[8]
        #expect(gates == "1/1")
    }

    @Test("a node Table shows Ready/NotReady, cordoning, roles, age, version and addresses")
    func nodeTable() {
        let ready: JSON = [
            "metadata": [
                "name": "n1", "creationTimestamp": "2023-12-29T20:00:00Z",
                "labels": ["node-role.kubernetes.io/control-plane": "", "node-role.kubernetes.io/worker": "", "kubernetes.io/os": "linux"],
            ],
            "spec": ["unschedulable": true],
            "status": [
                "conditions": [["type": "MemoryPressure", "status": "False"], ["type": "Ready", "status": "True"]],
                "addresses": [["type": "InternalIP", "address": "10.0.0.4"], ["type": "Hostname", "address": "n1"]],
                "nodeInfo": [
                    "kubeletVersion": "v1.32.4", "osImage": "Ubuntu 24.04", "kernelVersion": "6.8.0",
                    "containerRuntimeVersion": "containerd://1.7",
                ],
            ],
        ]
        let notReady: JSON = [
            "metadata": ["name": "n2", "creationTimestamp": "2023-12-31T20:00:00Z"],
            "status": ["conditions": [["type": "Ready", "status": "Unknown"]], "addresses": [["type": "ExternalIP", "address": "20.1.2.3"]]],
        ]
        let table = TableRenderer.table(
            Self.type("nodes"), objects: [ready, notReady], resourceVersion: "5", continueToken: nil, includeObject: false,
            includeColumnDefinitions: true, now: Self.now)
        #expect(Self.cells(table) == [
            [
                "n1", "Ready,SchedulingDisabled", "control-plane,worker", "2d4h", "v1.32.4", "10.0.0.4", "<none>", "Ubuntu 24.04",
                "6.8.0", "containerd://1.7",
            ],
            ["n2", "NotReady", "<none>", "4h", "<none>", "<none>", "20.1.2.3", "<none>", "<none>", "<none>"],
        ])
        #expect(table["rows"]?.arrayValue?.first?[path: ["object", "metadata", "namespace"]] == nil)
    }

    @Test("services, configmaps, deployments, events and bindings print like kubectl")
    func otherKinds() {
        func row(_ resource: String, _ object: JSON) -> [JSON] {
            var object = object
            object[path: ["metadata", "creationTimestamp"]] = "2023-12-31T23:00:00Z"
            return Self.cells(TableRenderer.table(
                Self.type(resource), objects: [object], resourceVersion: "1", continueToken: nil, includeObject: false,
                includeColumnDefinitions: false, now: Self.now)).first ?? []
        }
        let service: JSON = [
            "metadata": ["name": "web"],
            "spec": [
                "type": "NodePort", "clusterIP": "10.96.0.10", "selector": ["tier": "fe", "app": "web"],
                "ports": [["port": 80, "protocol": "TCP"], ["port": 443, "nodePort": 30443, "protocol": "TCP"]],
            ],
        ]
        #expect(row("services", service) == ["web", "NodePort", "10.96.0.10", "<none>", "80/TCP,443:30443/TCP", "60m", "app=web,tier=fe"])
        let lb: JSON = ["metadata": ["name": "lb"], "spec": ["type": "LoadBalancer", "clusterIP": "10.96.0.11"]]
        #expect(row("services", lb)[3] == "<pending>")
        let configMap: JSON = ["metadata": ["name": "cfg"], "data": ["a": "1", "b": "2"], "binaryData": ["c": "AA=="]]
        #expect(row("configmaps", configMap) == ["cfg", 3, "60m"])
        let deployment: JSON = [
            "metadata": ["name": "web"],
            "spec": [
                "replicas": 3,
                "selector": ["matchLabels": ["app": "web"], "matchExpressions": [["key": "env", "operator": "In", "values": ["prod", "dev"]]]],
                "template": ["spec": ["containers": [["name": "nginx", "image": "nginx:1.26"], ["name": "log", "image": "fluentbit"]]]],
            ],
            "status": ["readyReplicas": 2, "updatedReplicas": 3],
        ]
        #expect(row("deployments", deployment) == ["web", "2/3", 3, 0, "60m", "nginx,log", "nginx:1.26,fluentbit", "app=web,env in (dev,prod)"])
        let event: JSON = [
            "metadata": ["name": "web-1.17a"], "type": "Warning", "reason": "BackOff", "message": "Back-off restarting",
            "involvedObject": ["kind": "Pod", "name": "web-1"], "lastTimestamp": "2023-12-31T23:55:00Z",
        ]
        #expect(row("events", event) == ["web-1.17a", "5m", "Warning", "BackOff", "pod/web-1", "Back-off restarting"])
        let binding: JSON = [
            "metadata": ["name": "readers"], "roleRef": ["kind": "ClusterRole", "name": "view", "apiGroup": "rbac.authorization.k8s.io"],
            "subjects": [
                ["kind": "User", "name": "alice"], ["kind": "Group", "name": "devs"], ["kind": "User", "name": "bob"],
                ["kind": "ServiceAccount", "name": "ci", "namespace": "tools"],
            ],
        ]
        #expect(row("rolebindings", binding) == ["readers", "ClusterRole/view", "60m", "alice, bob", "devs", "tools/ci"])
        #expect(row("daemonsets", ["metadata": ["name": "ds"]])[6] == "<none>")
    }

    @Test(
        "ages follow apimachinery HumanDuration",
        arguments: [
            (-5, "<invalid>"), (-1, "0s"), (0, "0s"), (45, "45s"), (90, "90s"), (119, "119s"), (120, "2m"), (150, "2m30s"),
            (300, "5m"), (599, "9m59s"), (600, "10m"), (10_799, "179m"), (10_800, "3h"), (15_000, "4h10m"), (28_800, "8h"),
            (172_799, "47h"), (172_800, "2d"), (190_800, "2d5h"), (691_200, "8d"), (63_072_000, "2y"), (64_368_000, "2y15d"),
            (252_288_000, "8y"),
        ] as [(Int64, String)])
    func ageFormatting(seconds: Int64, expected: String) {
        #expect(TableRenderer.humanDuration(seconds: seconds) == expected)
    }

    @Test("Accept negotiation: kubectl get asks for a v1 Table, -o yaml does not")
    func acceptTable() {
        #expect(TableRenderer.wantsTable(
            accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"))
        #expect(!TableRenderer.wantsTable(accept: "application/json"))
        #expect(!TableRenderer.wantsTable(accept: "application/json;as=Table;v=v1beta1;g=meta.k8s.io"))
    }

    @Test("missing or unreadable creation time shows <unknown>")
    func unknownAge() {
        let table = TableRenderer.table(
            Self.type("configmaps"), objects: [["metadata": ["name": "a"]], ["metadata": ["name": "b", "creationTimestamp": "yesterday"]]],
            resourceVersion: "1", continueToken: nil, includeObject: false, includeColumnDefinitions: false, now: Self.now)
        #expect(Self.cells(table) == [["a", 0, "<unknown>"], ["b", 0, "<unknown>"]])
    }
}
