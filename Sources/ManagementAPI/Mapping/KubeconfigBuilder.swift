import Core
import Foundation
import ManagementStore

/// Builds the kubeconfig YAML that `listClusterUserCredential` / `listClusterAdminCredential`
/// return. The server is the cluster's address on the hosted Kubernetes API front
/// (`--kube-listen`), one path prefix per cluster (`/clusters/{resourceUID}`).
struct KubeconfigBuilder {
    enum Role: String {
        case clusterUser
        case clusterAdmin
    }

    let serverBase: String
    /// The front's certificate, trusted by kubectl through `certificate-authority-data`.
    let certificatePEM: String

    func server(for cluster: ManagedClusterRecord) -> String {
        "\(serverBase)/clusters/\(cluster.status.resourceUID)"
    }

    func kubeconfig(for cluster: ManagedClusterRecord, role: Role, token: String) -> String {
        kubeconfig(for: cluster, userName: role.rawValue, token: token)
    }

    /// A kubeconfig whose user entry is `{userName}_{resourceGroup}_{cluster}`, as az names it.
    func kubeconfig(for cluster: ManagedClusterRecord, userName: String, token: String) -> String {
        let name = cluster.id.name
        let user = "\(userName)_\(cluster.id.resourceGroup)_\(name)"
        return """
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                certificate-authority-data: \(Data(certificatePEM.utf8).base64EncodedString())
                server: \(server(for: cluster))
              name: \(name)
            contexts:
            - context:
                cluster: \(name)
                user: \(user)
              name: \(name)
            current-context: \(name)
            preferences: {}
            users:
            - name: \(user)
              user:
                token: \(token)

            """
    }
}
