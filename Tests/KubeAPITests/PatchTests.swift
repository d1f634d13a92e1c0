import KubeAPI
import Testing

@Suite struct PatchTests {
    private func json(_ text: String) throws -> JSON { try JSON.parse(Array(text.utf8)) }

    /// Every object key in the tree that starts with `$` (patch directives must never be stored).
    private func directiveKeys(in value: JSON) -> [String] {
        switch value {
        case .object(let members):
            return members.keys.filter { $0.hasPrefix("$") } + members.values.flatMap(directiveKeys(in:))
        case .array(let items): return items.flatMap(directiveKeys(in:))
        default: return []
        }
    }

    private func names(_ list: JSON?) -> [String] { list?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [] }

    private let deployment = #"""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"x","namespace":"default","resourceVersion":"7",
           "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"old\":true}\n","team":"web"}},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"x"}},
           "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
           "template":{"metadata":{"labels":{"app":"x"}},
             "spec":{"containers":[
               {"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent",
                "ports":[{"containerPort":80,"protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log"},
               {"name":"log-shipper","image":"fluent-bit:3"}],
             "restartPolicy":"Always"}}},
         "status":{"replicas":1,"conditions":[{"type":"Available","status":"True"},{"type":"Progressing","status":"True"}]}}
        """#

    @Test("kubectl apply (second run) changes replicas and the image and keeps every other container field")
    func kubectlApplySecondRun() throws {
        let body = #"""
            {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"new\":true}\n"}},
             "spec":{"replicas":3,"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],
               "containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}
            """#
        let result = try Patch.applyStrategicMergePatch(json(body), to: json(deployment))
        #expect(result[path: ["spec", "replicas"]] == 3)
        #expect(
            result[path: ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"]] == "{\"new\":true}\n")
        #expect(result[path: ["metadata", "annotations", "team"]] == "web")
        let containers = result[path: ["spec", "template", "spec", "containers"]]
        // The server-only sidecar keeps its place after the container the patch names.
        #expect(names(containers) == ["nginx", "log-shipper"])
        let nginx = try json(
            #"{"name":"nginx","image":"nginx:1.26","imagePullPolicy":"IfNotPresent","ports":[{"containerPort":80,"protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log"}"#
        )
        #expect(containers?.arrayValue?.first == nginx)
        #expect(containers?.arrayValue?.last == (try json(#"{"name":"log-shipper","image":"fluent-bit:3"}"#)))
        #expect(result[path: ["spec", "template", "spec", "restartPolicy"]] == "Always")
        #expect(result["status"] == (try json(deployment))["status"])
        #expect(directiveKeys(in: result).isEmpty)
    }

    @Test("$setElementOrder puts the merged containers in the order it names")
    func setElementOrderReorders() throws {
        let body = #"""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"log-shipper"},{"name":"nginx"}],
              "containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}
            """#
        let result = try Patch.applyStrategicMergePatch(json(body), to: json(deployment))
        let containers = result[path: ["spec", "template", "spec", "containers"]]
        #expect(names(containers) == ["log-shipper", "nginx"])
        #expect(containers?.arrayValue?.last?["image"] == "nginx:1.27")
        #expect(containers?.arrayValue?.last?["imagePullPolicy"] == "IfNotPresent")
        #expect(directiveKeys(in: result).isEmpty)
    }

    @Test("rollout restart adds a template annotation; a new container without $setElementOrder goes first")
    func rolloutRestartAndNewContainer() throws {
        let body = #"""
            {"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-02T10:00:00Z"}},
              "spec":{"containers":[{"name":"debug","image":"busybox","env":[{"name":"A","value":"1"}]}]}}}}
            """#
        let result = try Patch.applyStrategicMergePatch(json(body), to: json(deployment))
        #expect(
            result[path: ["spec", "template", "metadata", "annotations", "kubectl.kubernetes.io/restartedAt"]]
                == "2026-11-02T10:00:00Z")
        #expect(result[path: ["spec", "template", "metadata", "labels", "app"]] == "x")
        // apimachinery puts patch elements the live list does not know before the server-only ones
        // (the kubectl patch task page shows the added container first).
        #expect(names(result[path: ["spec", "template", "spec", "containers"]]) == ["debug", "nginx", "log-shipper"])
    }

    private let node = #"""
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1","labels":{"kubernetes.io/os":"linux"}},
         "spec":{"podCIDR":"10.244.1.0/24","taints":[{"key":"a","effect":"NoSchedule"},{"key":"b","effect":"NoExecute"}]},
         "status":{"conditions":[{"type":"Ready","status":"True"},{"type":"MemoryPressure","status":"False"}],
           "addresses":[{"type":"InternalIP","address":"10.0.0.4"},{"type":"Hostname","address":"n1"}]}}
        """#

    @Test("kubectl cordon sets spec.unschedulable and uncordon's null removes it")
    func cordonAndUncordon() throws {
        let cordoned = try Patch.applyStrategicMergePatch(json(#"{"spec":{"unschedulable":true}}"#), to: json(node))
        #expect(cordoned[path: ["spec", "unschedulable"]] == true)
        #expect(cordoned[path: ["spec", "podCIDR"]] == "10.244.1.0/24")
        let uncordoned = try Patch.applyStrategicMergePatch(json(#"{"spec":{"unschedulable":null}}"#), to: cordoned)
        #expect(uncordoned[path: ["spec", "unschedulable"]] == nil)
        #expect(uncordoned == (try json(node)))
    }

    @Test("kubectl label adds a label and a null removes it (merge patch)")
    func labelAddAndRemove() throws {
        let labelled = Patch.applyMergePatch(try json(#"{"metadata":{"labels":{"a":"b"}}}"#), to: try json(node))
        #expect(labelled[path: ["metadata", "labels"]] == ["kubernetes.io/os": "linux", "a": "b"])
        let unlabelled = Patch.applyMergePatch(try json(#"{"metadata":{"labels":{"a":null}}}"#), to: labelled)
        #expect(unlabelled == (try json(node)))
    }

    @Test("merge patch replaces lists and non-object values wholesale, and builds missing objects")
    func mergePatchReplaces() throws {
        let patched = Patch.applyMergePatch(
            try json(#"{"spec":{"taints":[{"key":"c"}]},"metadata":{"annotations":{"x":"1","y":null}}}"#), to: try json(node))
        #expect(patched[path: ["spec", "taints"]] == [["key": "c"]])
        #expect(patched[path: ["metadata", "annotations"]] == ["x": "1"])
        #expect(Patch.applyMergePatch("text", to: try json(node)) == "text")
        #expect(Patch.applyMergePatch(["a": ["b": "c"]], to: ["a": "scalar"]) == ["a": ["b": "c"]])
    }

    private let pod = #"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","finalizers":["a.example.com/x","b.example.com/y"]},
         "spec":{"containers":[{"name":"app","image":"app:1",
           "env":[{"name":"A","value":"1"},{"name":"B","value":"2"},{"name":"C","value":"3"}],
           "args":["--one","--two"]}]}}
        """#

    @Test("env merges by name: changed and new variables merge in, $patch delete removes one")
    func envMergeAndDelete() throws {
        let body = #"""
            {"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"20"},{"name":"D","value":"4"},
              {"$patch":"delete","name":"A"}]}]}}
            """#
        let result = try Patch.applyStrategicMergePatch(json(body), to: json(pod))
        let env = result[path: ["spec", "containers"]]?.arrayValue?.first?["env"]
        // Order as apimachinery's mergeSortedSlice gives it: patch elements in patch order, the
        // server-only C after the live element it followed.
        #expect(env == [["name": "B", "value": "20"], ["name": "D", "value": "4"], ["name": "C", "value": "3"]])
        #expect(result[path: ["spec", "containers"]]?.arrayValue?.first?["image"] == "app:1")
        #expect(directiveKeys(in: result).isEmpty)
    }

    @Test("finalizers are a set: a patch adds to them, $deleteFromPrimitiveList removes from them")
    func finalizersUnion() throws {
        let added = try Patch.applyStrategicMergePatch(
            json(#"{"metadata":{"finalizers":["c.example.com/z","a.example.com/x"]}}"#), to: json(pod))
        #expect(added[path: ["metadata", "finalizers"]] == ["c.example.com/z", "a.example.com/x", "b.example.com/y"])
        let removed = try Patch.applyStrategicMergePatch(
            json(#"{"metadata":{"$deleteFromPrimitiveList/finalizers":["a.example.com/x"]}}"#), to: added)
        #expect(removed[path: ["metadata", "finalizers"]] == ["c.example.com/z", "b.example.com/y"])
        #expect(directiveKeys(in: removed).isEmpty)
    }

    @Test("lists without a patch strategy are replaced wholesale (args, node taints, unknown kinds)")
    func listWithoutStrategyReplaced() throws {
        let args = try Patch.applyStrategicMergePatch(
            json(#"{"spec":{"containers":[{"name":"app","args":["--three"]}]}}"#), to: json(pod))
        #expect(args[path: ["spec", "containers"]]?.arrayValue?.first?["args"] == ["--three"])
        let taints = try Patch.applyStrategicMergePatch(
            json(#"{"spec":{"taints":[{"key":"c","effect":"NoSchedule"}]}}"#), to: json(node))
        #expect(taints[path: ["spec", "taints"]] == [["key": "c", "effect": "NoSchedule"]])
        let widget = try json(
            #"{"apiVersion":"example.com/v1","kind":"Widget","spec":{"items":[{"name":"a"}],"size":{"w":1,"h":2}}}"#)
        let patched = try Patch.applyStrategicMergePatch(
            json(#"{"spec":{"items":[{"name":"b"}],"size":{"h":null}}}"#), to: widget)
        #expect(patched[path: ["spec", "items"]] == [["name": "b"]])
        #expect(patched[path: ["spec", "size"]] == ["w": 1])
    }

    @Test("$patch replace replaces a map or a list; $retainKeys clears the keys it does not name")
    func replaceAndRetainKeys() throws {
        let labels = try Patch.applyStrategicMergePatch(
            json(#"{"spec":{"template":{"metadata":{"labels":{"$patch":"replace","app":"y"}}}}}"#), to: json(deployment))
        #expect(labels[path: ["spec", "template", "metadata", "labels"]] == ["app": "y"])
        let list = try Patch.applyStrategicMergePatch(
            json(#"{"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"solo","image":"s"}]}}}}"#),
            to: json(deployment))
        #expect(list[path: ["spec", "template", "spec", "containers"]] == [["name": "solo", "image": "s"]])
        let strategy = try Patch.applyStrategicMergePatch(
            json(#"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}"#), to: json(deployment))
        #expect(strategy[path: ["spec", "strategy"]] == ["type": "Recreate"])
        #expect(directiveKeys(in: labels).isEmpty && directiveKeys(in: list).isEmpty && directiveKeys(in: strategy).isEmpty)
    }

    @Test("malformed strategic merge patches fail with a message naming the field")
    func strategicMergeErrors() throws {
        let noKey = #expect(throws: PatchError.self) {
            try Patch.applyStrategicMergePatch(json(#"{"spec":{"containers":[{"image":"x"}]}}"#), to: json(pod))
        }
        #expect(noKey?.description == #"field "spec.containers[0]": the element has no merge key "name""#)
        #expect(throws: PatchError.self) { try Patch.applyStrategicMergePatch(json("[]"), to: json(pod)) }
        #expect(throws: PatchError.self) {
            try Patch.applyStrategicMergePatch(json(#"{"metadata":{"$patch":"explode"}}"#), to: json(pod))
        }
        #expect(throws: PatchError.self) {
            try Patch.applyStrategicMergePatch(
                json(#"{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{}}}}"#), to: json(deployment))
        }
    }

    @Test("JSON patch applies add, remove, replace, move, copy and test in order")
    func jsonPatchOperations() throws {
        let ops = #"""
            [{"op":"test","path":"/metadata/name","value":"p"},
             {"op":"add","path":"/metadata/labels","value":{"app":"web"}},
             {"op":"add","path":"/metadata/annotations","value":{}},
             {"op":"add","path":"/metadata/annotations/example.com~1owner","value":"team~a"},
             {"op":"replace","path":"/spec/containers/0/image","value":"app:2"},
             {"op":"remove","path":"/spec/containers/0/env/1"},
             {"op":"add","path":"/spec/containers/0/args/-","value":"--three"},
             {"op":"add","path":"/spec/containers/0/args/0","value":"--zero"},
             {"op":"copy","from":"/metadata/labels/app","path":"/metadata/labels/tier"},
             {"op":"move","from":"/metadata/finalizers","path":"/metadata/oldFinalizers"},
             {"op":"test","path":"/metadata/annotations/example.com~1owner","value":"team~a"},
             {"op":"add","path":"/spec/priority","value":3},
             {"op":"test","path":"/spec/priority","value":3.0}]
            """#
        let result = try Patch.applyJSONPatch(json(ops), to: json(pod))
        #expect(result[path: ["metadata", "labels"]] == ["app": "web", "tier": "web"])
        #expect(result[path: ["metadata", "annotations", "example.com/owner"]] == "team~a")
        #expect(result[path: ["metadata", "finalizers"]] == nil)
        #expect(result[path: ["metadata", "oldFinalizers"]] == ["a.example.com/x", "b.example.com/y"])
        let container = result[path: ["spec", "containers"]]?.arrayValue?.first
        #expect(container?["image"] == "app:2")
        #expect(container?["args"] == ["--zero", "--one", "--two", "--three"])
        #expect(container?["env"] == [["name": "A", "value": "1"], ["name": "C", "value": "3"]])
    }

    @Test("a failing test op, a missing path or a bad pointer rejects the whole JSON patch")
    func jsonPatchErrors() throws {
        let failed = #expect(throws: PatchError.self) {
            try Patch.applyJSONPatch(
                json(#"[{"op":"add","path":"/a","value":1},{"op":"test","path":"/metadata/name","value":"q"}]"#), to: json(pod))
        }
        #expect(failed?.description == #"JSON patch operation 1 (test): test failed: "/metadata/name" is "p", not "q""#)
        let missing = #expect(throws: PatchError.self) {
            try Patch.applyJSONPatch(json(#"[{"op":"replace","path":"/spec/nodeName","value":"n1"}]"#), to: json(pod))
        }
        #expect(missing?.description == #"JSON patch operation 0 (replace): path "/spec/nodeName" does not exist in the object"#)
        for bad in [
            #"[{"op":"add","path":"/nope/deeper","value":1}]"#, #"[{"op":"remove","path":"/spec/containers/7"}]"#,
            #"[{"op":"add","path":"spec","value":1}]"#, #"[{"op":"add","path":"/spec/containers/01","value":{}}]"#,
            #"[{"op":"move","from":"/spec","path":"/spec/inner"}]"#, #"[{"op":"add","path":"/a"}]"#,
            #"[{"op":"frobnicate","path":"/a"}]"#, #"{"op":"add"}"#,
        ] {
            #expect(throws: PatchError.self, "\(bad)") { try Patch.applyJSONPatch(json(bad), to: json(pod)) }
        }
    }

    @Test("the Content-Type of a PATCH names its patch type")
    func patchTypeFromContentType() {
        #expect(PatchType(contentType: "application/strategic-merge-patch+json") == .strategicMerge)
        #expect(PatchType(contentType: "application/merge-patch+json; charset=utf-8") == .merge)
        #expect(PatchType(contentType: "application/json-patch+json") == .json)
        #expect(PatchType(contentType: "application/json") == nil)
    }
}
