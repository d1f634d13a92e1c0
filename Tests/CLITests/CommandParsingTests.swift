import ArgumentParser
import Testing
import Wire

@testable import CLI

@Suite("command lines")
struct CommandParsingTests {
    @Test("create sends what az sends: one System pool, tags, and a derived DNS prefix")
    func createBody() throws {
        let create = try #require(
            try AKS.parseAsRoot(["create", "-g", "rg1", "-n", "c1", "--node-count", "1", "--tags", "env=dev"])
                as? AKS.Create)
        let body = create.body(subscription: "00000000-1111")
        #expect(body.location == "eastus")
        #expect(body.tags == ["env": "dev"])
        #expect(body.properties?.dnsPrefix == "c1-rg1-000000")
        let pool = try #require(body.properties?.agentPoolProfiles?.first)
        #expect(pool.name == "nodepool1")
        #expect(pool.count == 1)
        #expect(pool.mode == "System")
        #expect(pool.vmSize == nil)
    }

    @Test("the default DNS prefix drops odd characters and starts with a letter")
    func dnsPrefix() {
        #expect(
            DNSPrefix.default(cluster: "1cluster_name_long", resourceGroup: "my_rg.x", subscription: "abcdef123")
                == "a1clustern-myrgx-abcdef")
    }

    @Test("global options are accepted after the subcommand, -o picks the format")
    func globalOptions() throws {
        let list = try #require(
            try AKS.parseAsRoot(["list", "-g", "rg1", "-o", "tsv", "--server", "http://h:1", "--subscription", "s"])
                as? AKS.List)
        #expect(list.global.output(default: .table) == .tsv)
        #expect(list.global.connection.server == "http://h:1")
        #expect(list.resourceGroup == "rg1")
    }

    @Test("nodepool add defaults to a User pool of 3 nodes with labels")
    func nodepoolAdd() throws {
        let add = try #require(
            try AKS.parseAsRoot([
                "nodepool", "add", "--cluster-name", "c1", "-g", "rg1", "-n", "pool2", "--labels", "tier=web", "zone=a",
            ]) as? AKS.Nodepool.Add)
        #expect(add.properties.mode == "User")
        #expect(add.properties.count == 3)
        #expect(add.properties.nodeLabels == ["tier": "web", "zone": "a"])
        #expect(add.pool.path(subscription: "s").path.hasSuffix("/managedClusters/c1/agentPools/pool2"))
    }

    @Test("clock advance adds days, hours and seconds, and needs one of them")
    func clockAdvance() throws {
        let advance = try #require(
            try Admin.parseAsRoot(["clock", "advance", "--days", "30", "--hours", "1", "--seconds", "5"])
                as? Admin.Clock.Advance)
        #expect(advance.total == 30 * 86400 + 3600 + 5)
        #expect(throws: (any Error).self) { try Admin.parseAsRoot(["clock", "advance"]) }
    }

    @Test("token create repeats --subscription and set-state only takes the three states")
    func adminArguments() throws {
        let create = try #require(
            try Admin.parseAsRoot(["token", "create", "--subscription", "a", "--subscription", "b"])
                as? Admin.Token.Create)
        #expect(create.subscriptions == ["a", "b"])
        #expect(throws: (any Error).self) {
            try Admin.parseAsRoot(["subscription", "set-state", "s1", "--state", "Paused"])
        }
    }

    @Test("paths percent-encode their segments and api-version is appended once")
    func paths() {
        let cluster = ResourcePath.Cluster(subscription: "s", resourceGroup: "my rg", name: "c1")
        #expect(
            cluster.path
                == "/subscriptions/s/resourceGroups/my%20rg/providers/Microsoft.ContainerService/managedClusters/c1")
        #expect(cluster.child("upgradeProfiles", "default").hasSuffix("/c1/upgradeProfiles/default"))
        #expect(ManagementClient.url(for: "/x", server: "http://h", arm: true) == "http://h/x?api-version=2026-08-01")
        #expect(
            ManagementClient.url(for: "http://o/op?api-version=1", server: "http://h", arm: true)
                == "http://o/op?api-version=1")
        #expect(ManagementClient.url(for: "/admin/clock", server: "http://h", arm: false) == "http://h/admin/clock")
    }

    @Test("CLICommands exports the aks and admin groups")
    func exports() {
        #expect(CLICommands.all.map { $0.configuration.commandName } == ["aks", "admin"])
    }
}
