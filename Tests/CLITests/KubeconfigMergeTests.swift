import Foundation
import Testing

@testable import CLI

@Suite("merging kubeconfigs like az aks get-credentials")
struct KubeconfigMergeTests {
    /// What kubectl writes: lists at column 0.
    let existing = """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: AAAA
            server: https://old.example:443
          name: c1
        - cluster:
            server: https://other.example:443
          name: other
        contexts:
        - context:
            cluster: other
            user: other-user
          name: other
        current-context: other
        kind: Config
        preferences: {}
        users:
        - name: other-user
          user:
            token: abc

        """

    /// What a service might write: lists indented by two.
    let incoming = """
        apiVersion: v1
        kind: Config
        clusters:
          - name: c1
            cluster:
              server: https://c1.example:6443
        contexts:
          - name: c1
            context:
              cluster: c1
              user: clusterUser_rg1_c1
        current-context: c1
        users:
          - name: clusterUser_rg1_c1
            user:
              token: xyz

        """

    @Test("same-named entries are replaced, new ones appended, and the new context becomes current")
    func mergeReplacesAndAppends() throws {
        let merged = try KubeconfigDocument(parsing: existing).merging(KubeconfigDocument(parsing: incoming))
        #expect(merged.currentContext == "c1")
        let text = merged.text
        #expect(text.contains("server: https://c1.example:6443"))
        #expect(!text.contains("https://old.example"))
        #expect(text.contains("server: https://other.example:443"))
        #expect(text.contains("- name: clusterUser_rg1_c1\n  user:\n    token: xyz"))
        #expect(text.contains("preferences: {}"))
        let reparsed = try KubeconfigDocument(parsing: text)
        guard case .list(_, let clusters) = reparsed.entries.first(where: { $0.key == "clusters" }) else {
            Issue.record("clusters missing")
            return
        }
        #expect(clusters.map(\.name) == ["c1", "other"])
    }

    @Test("merging the same kubeconfig twice changes nothing the second time")
    func mergeIsIdempotent() throws {
        let once = try KubeconfigDocument(parsing: existing).merging(KubeconfigDocument(parsing: incoming))
        let twice = once.merging(try KubeconfigDocument(parsing: incoming))
        #expect(once.text == twice.text)
    }

    @Test("writes a new file as is and merges into an existing one, readable only by the owner")
    func writesFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(".kube/config").path
        #expect(try KubeconfigFile.write(incoming, to: path) == "c1")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == incoming)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        try existing.write(toFile: path, atomically: true, encoding: .utf8)
        try KubeconfigFile.write(incoming, to: path)
        let merged = try KubeconfigDocument(parsing: String(contentsOfFile: path, encoding: .utf8))
        #expect(merged.currentContext == "c1")
    }

    @Test("a flow-style list is refused rather than mangled")
    func refusesFlowStyle() {
        #expect(throws: CLIError.self) {
            try KubeconfigDocument(parsing: "apiVersion: v1\nclusters: [{name: a}]\n")
        }
    }
}
