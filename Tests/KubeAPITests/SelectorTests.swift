import Testing

@testable import KubeAPI

@Suite("SelectorTests")
struct SelectorTests {
    let web: [String: String] = ["app": "web", "tier": "front", "replicas": "3"]

    @Test("equality, inequality, set and existence requirements all must hold")
    func labelMatching() throws {
        #expect(try LabelSelector.parse("app=web").matches(web))
        #expect(try LabelSelector.parse("app==web,tier=front").matches(web))
        #expect(try !LabelSelector.parse("app=web,tier=back").matches(web))
        #expect(try LabelSelector.parse("app!=db").matches(web))
        #expect(try LabelSelector.parse("env!=prod").matches(web), "!= matches when the label is absent")
        #expect(try LabelSelector.parse("tier in (front, back)").matches(web))
        #expect(try !LabelSelector.parse("tier notin (front)").matches(web))
        #expect(try LabelSelector.parse("env notin (prod)").matches(web))
        #expect(try !LabelSelector.parse("env in (prod)").matches(web))
        #expect(try LabelSelector.parse("app,!canary").matches(web))
        #expect(try !LabelSelector.parse("!app").matches(web))
        #expect(try LabelSelector.parse("replicas>2,replicas<4").matches(web))
        #expect(try !LabelSelector.parse("replicas>3").matches(web))
        #expect(try LabelSelector.parse("  app = web ,  tier  ").matches(web))
    }

    @Test("the full syntax parses into requirements sorted by key and prints back")
    func labelParseShape() throws {
        let selector = try LabelSelector.parse("a=b,c!=d,e in (y,x),f notin (z),g,!h")
        #expect(selector.requirements.map(\.op) == [.equals, .notEquals, .in, .notIn, .exists, .doesNotExist])
        #expect(selector.description == "a=b,c!=d,e in (x,y),f notin (z),g,!h")
        #expect(try LabelSelector.parse("z=1,a=2").requirements.map(\.key) == ["a", "z"])
        #expect(try LabelSelector.parse("app.kubernetes.io/name=web").requirements.first?.key == "app.kubernetes.io/name")
        #expect(try LabelSelector.parse("a=").matches(["a": ""]))
        #expect(try LabelSelector.parse("a in ()").requirements.first?.values == [""])
    }

    @Test("an empty selector is empty and matches everything")
    func emptySelector() throws {
        let selector = try LabelSelector.parse("")
        #expect(selector.isEmpty)
        #expect(selector.matches([:]))
        #expect(try !LabelSelector.parse("a").isEmpty)
    }

    @Test(
        "invalid label selectors are rejected with the offending token",
        arguments: [
            ("a in b", "found 'b', expected: '('"),
            ("=x", "found '=', expected: !, identifier, or 'end of string'"),
            ("a in (x,y", "found 'end of string', expected: ',' or ')'"),
            ("a in x,y)", "found 'x', expected: '('"),
            ("a=b)", "found ')', expected: ',' or 'end of string'"),
            ("a=b,", "found 'end of string', expected: identifier after ','"),
            ("!a=b", "found '=', expected: ',' or 'end of string'"),
            ("a b", "found 'b', expected: one of '=', '==', '!=', 'in', 'notin', '>', '<'"),
            ("a>x", "the value must be an integer"),
            ("Bad_Key-=x", "invalid label key \"Bad_Key-\": name part must consist of alphanumeric characters"),
            ("Example.com/a=b", "invalid label key \"Example.com/a\": prefix part a lowercase RFC 1123 subdomain"),
            ("a/b/c=d", "invalid label key \"a/b/c\""),
            ("a=-x", "invalid label value \"-x\""),
            ("a=\(String(repeating: "v", count: 64))", "must be no more than 63 characters"),
        ])
    func labelErrors(text: String, message: String) {
        let error = #expect(throws: SelectorError.self) { try LabelSelector.parse(text) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "no error")")
    }

    @Test("metav1.LabelSelector: matchLabels and matchExpressions are ANDed; null selects nothing")
    func labelSelectorObject() throws {
        let selector = try LabelSelector(json: [
            "matchLabels": ["app": "web"],
            "matchExpressions": [
                ["key": "tier", "operator": "In", "values": ["front", "edge"]],
                ["key": "canary", "operator": "DoesNotExist"],
            ],
        ])
        #expect(selector.matches(web))
        #expect(!selector.matches(["app": "web", "tier": "back"]))
        #expect(selector.description == "app=web,!canary,tier in (edge,front)")
        #expect(selector.matches(object: ["metadata": ["labels": ["app": "web", "tier": "edge"]]]))
        #expect(try LabelSelector(json: [:]).isEmpty)
        #expect(try LabelSelector(json: [:]).matches(web))
        #expect(try !LabelSelector(json: .null).matches([:]))
        #expect(throws: SelectorError.self) { try LabelSelector(json: ["matchExpressions": [["key": "a", "operator": "In"]]]) }
        #expect(throws: SelectorError.self) {
            try LabelSelector(json: ["matchExpressions": [["key": "a", "operator": "Exists", "values": ["x"]]]])
        }
        #expect(throws: SelectorError.self) { try LabelSelector(json: ["matchExpressions": [["key": "a", "operator": "Gt"]]]) }
        #expect(throws: SelectorError.self) { try LabelSelector(json: ["matchLabels": ["a": 1]]) }
    }

    let pod: JSON = [
        "metadata": ["name": "web-1", "namespace": "default"],
        "spec": ["nodeName": "node-1", "containers": [["name": "app"]]],
        "status": ["phase": "Running", "podIP": "10.0.0.5"],
    ]

    @Test("field selectors match dotted paths; a missing field reads empty")
    func fieldMatching() throws {
        #expect(try FieldSelector.parse("metadata.name=web-1").matches(pod))
        #expect(try FieldSelector.parse("metadata.namespace==default,spec.nodeName=node-1").matches(pod))
        #expect(try !FieldSelector.parse("status.phase!=Running").matches(pod))
        #expect(try FieldSelector.parse("status.phase!=Pending").matches(pod))
        #expect(try FieldSelector.parse("spec.containers.0.name=app").matches(pod))
        #expect(try FieldSelector.parse("spec.serviceAccountName=").matches(pod))
        #expect(try FieldSelector.parse("").matches(pod))
        let node: JSON = ["metadata": ["name": "n"], "spec": [:]]
        #expect(try FieldSelector.parse("spec.unschedulable=false").matches(node), "unset unschedulable reads false, as upstream")
        #expect(try FieldSelector.parse("spec.unschedulable=true").matches(["spec": ["unschedulable": true]]))
        #expect(try FieldSelector.parse("type=kubernetes.io/tls").matches(["type": "kubernetes.io/tls"]))
    }

    @Test("field selectors list their fields and unescape values")
    func fieldParsing() throws {
        let selector = try FieldSelector.parse("metadata.name=a\\,b,status.phase!=Failed,metadata.name!=c")
        #expect(selector.fields == ["metadata.name", "status.phase"])
        #expect(selector.terms.first?.value == "a,b")
        #expect(selector.description == "metadata.name=a\\,b,status.phase!=Failed,metadata.name!=c")
        #expect(try FieldSelector.parse("metadata.name=a\\=b").matches(["metadata": ["name": "a=b"]]))
    }

    @Test(
        "invalid field selectors are rejected",
        arguments: [
            ("metadata.name", "can't understand 'metadata.name'"),
            ("=x", "names no field"),
            ("a=b=c", "'=' in a value must be escaped"),
            ("a=b\\x", "invalid escape sequence"),
        ])
    func fieldErrors(text: String, message: String) {
        let error = #expect(throws: SelectorError.self) { try FieldSelector.parse(text) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "no error")")
    }
}
