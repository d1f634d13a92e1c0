import KubeAPI
import Testing

@Suite struct JSONTests {
    @Test func parsesAndKeepsIntegersExact() throws {
        let doc = try JSON.parse(Array(#"{"replicas":3,"ratio":0.5,"on":true,"name":"a\"b","none":null,"list":[1,"x"]}"#.utf8))
        #expect(doc["replicas"] == .int(3))
        #expect(doc["ratio"] == .double(0.5))
        #expect(doc["on"] == .bool(true))
        #expect(doc["none"] == .null)
        #expect(doc.text == #"{"list":[1,"x"],"name":"a\"b","none":null,"on":true,"ratio":0.5,"replicas":3}"#)
    }

    @Test func rejectsMalformedDocuments() {
        #expect(throws: JSONSyntaxError.self) { try JSON.parse(Array("{\"a\":".utf8)) }
    }

    @Test func pathSubscriptCreatesIntermediateObjects() {
        var doc: JSON = [:]
        doc[path: ["metadata", "labels", "app"]] = "web"
        #expect(doc.text == #"{"metadata":{"labels":{"app":"web"}}}"#)
        doc[path: ["metadata", "labels", "app"]] = nil
        #expect(doc.text == #"{"metadata":{"labels":{}}}"#)
    }
}
