import Foundation

/// ARM paths of the resources the CLI addresses, with each segment percent-encoded.
enum ResourcePath {
    static let provider = "Microsoft.ContainerService"

    /// `/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ContainerService/managedClusters/{name}`.
    struct Cluster: Sendable, Equatable {
        var subscription: String
        var resourceGroup: String
        var name: String

        var path: String {
            "/subscriptions/\(encode(subscription))/resourceGroups/\(encode(resourceGroup))"
                + "/providers/\(provider)/managedClusters/\(encode(name))"
        }

        func child(_ segments: String...) -> String {
            ([path] + segments.map(encode)).joined(separator: "/")
        }

        func agentPool(_ pool: String) -> AgentPool { AgentPool(cluster: self, name: pool) }
        var agentPools: String { child("agentPools") }
    }

    /// `{cluster}/agentPools/{pool}`.
    struct AgentPool: Sendable, Equatable {
        var cluster: Cluster
        var name: String
        var path: String { cluster.child("agentPools", name) }
    }

    /// Clusters of a whole subscription, or of one resource group in it.
    static func clusters(subscription: String, resourceGroup: String?) -> String {
        if let resourceGroup {
            return "/subscriptions/\(encode(subscription))/resourceGroups/\(encode(resourceGroup))"
                + "/providers/\(provider)/managedClusters"
        }
        return "/subscriptions/\(encode(subscription))/providers/\(provider)/managedClusters"
    }

    static func kubernetesVersions(subscription: String, location: String) -> String {
        "/subscriptions/\(encode(subscription))/providers/\(provider)/locations/\(encode(location))/kubernetesVersions"
    }

    /// Percent-encodes one path segment (names are validated by the server, not here).
    static func encode(_ segment: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
