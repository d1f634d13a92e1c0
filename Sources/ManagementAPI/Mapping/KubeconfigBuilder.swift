import Core
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

    func server(for cluster: ManagedClusterRecord) -> String {
        "\(serverBase)/clusters/\(cluster.status.resourceUID)"
    }

    func kubeconfig(for cluster: ManagedClusterRecord, role: Role, token: String) -> String {
        let name = cluster.id.name
        let user = "\(role.rawValue)_\(cluster.id.resourceGroup)_\(name)"
        return """
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
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
