import ArgumentParser
import Foundation

extension AKS {
    /// `hm aks get-credentials -g RG -n NAME [--admin] [-f FILE]`: fetch the kubeconfig and merge
    /// it into `~/.kube/config` (or FILE); `-f -` prints it.
    struct GetCredentials: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get-credentials", abstract: "Get access credentials (a kubeconfig) for a managed cluster.")

        @OptionGroup var cluster: ClusterSelector

        @Flag(name: [.customShort("a"), .long], help: "Get the cluster administrator's credentials.")
        var admin = false

        @Option(
            name: [.customShort("f"), .long], help: "Kubeconfig file to update, or - to print (default ~/.kube/config)."
        )
        var file: String?

        @Flag(
            name: .customLong("overwrite-existing"),
            help: "Accepted for az compatibility: same-named entries are always replaced.")
        var overwriteExisting = false

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.tenant(global) { session in
                let result = try await session.client.credentials(session.cluster(cluster), admin: admin)
                guard let encoded = result.kubeconfigs.first?.value else {
                    throw CLIError.invalidResponse("the credential result holds no kubeconfig")
                }
                guard let data = Data(base64Encoded: encoded) else {
                    throw CLIError.invalidResponse("the kubeconfig is not base64")
                }
                let kubeconfig = String(decoding: data, as: UTF8.self)
                if file == "-" {
                    Console.out(kubeconfig.hasSuffix("\n") ? String(kubeconfig.dropLast()) : kubeconfig)
                    return
                }
                let path = file.map(Self.expandTilde) ?? KubeconfigFile.defaultPath
                let context = try KubeconfigFile.write(kubeconfig, to: path)
                Console.out("Merged \"\(context ?? cluster.name)\" as current context in \(path)")
            }
        }

        private static func expandTilde(_ path: String) -> String {
            (path as NSString).expandingTildeInPath
        }
    }
}
