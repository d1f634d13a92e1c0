import Testing

@testable import CLI

@Suite("key=value arguments")
struct KeyValueTests {
    @Test("splits at the first equals sign and keeps the rest in the value")
    func splitsAtFirstEquals() {
        #expect(KeyValue(argument: "env=prod") == KeyValue(key: "env", value: "prod"))
        #expect(KeyValue(argument: "url=a=b") == KeyValue(key: "url", value: "a=b"))
        #expect(KeyValue(argument: "empty=") == KeyValue(key: "empty", value: ""))
    }

    @Test("rejects a pair without a key or without an equals sign")
    func rejectsMalformed() {
        #expect(KeyValue(argument: "noequals") == nil)
        #expect(KeyValue(argument: "=value") == nil)
    }

    @Test("a later pair wins over an earlier one with the same key")
    func laterWins() {
        let pairs = ["a=1", "b=2", "a=3"].compactMap(KeyValue.init(argument:))
        #expect(KeyValue.dictionary(pairs) == ["a": "3", "b": "2"])
    }

    @Test("create takes several tags after one --tags, as az does")
    func createTags() throws {
        let create = try #require(
            try AKS.parseAsRoot(["create", "-g", "rg1", "-n", "c1", "--tags", "env=prod", "team=core", "--no-wait"])
                as? AKS.Create)
        #expect(create.tags == [KeyValue(key: "env", value: "prod"), KeyValue(key: "team", value: "core")])
        #expect(create.wait.noWait)
    }

    @Test("a malformed tag is a usage error")
    func malformedTagIsUsageError() {
        #expect(throws: (any Error).self) {
            try AKS.parseAsRoot(["update", "-g", "rg1", "-n", "c1", "--tags", "oops"])
        }
    }

    @Test("update needs --tags, and --tags \"\" removes every tag")
    func updateTags() throws {
        #expect(throws: (any Error).self) { try AKS.parseAsRoot(["update", "-g", "rg1", "-n", "c1"]) }
        let clear = try #require(try AKS.parseAsRoot(["update", "-g", "rg1", "-n", "c1", "--tags", ""]) as? AKS.Update)
        #expect(clear.newTags == [:])
        let set = try #require(
            try AKS.parseAsRoot(["update", "-g", "rg1", "-n", "c1", "--tags", "a=1", "b=2"]) as? AKS.Update)
        #expect(set.newTags == ["a": "1", "b": "2"])
    }
}
