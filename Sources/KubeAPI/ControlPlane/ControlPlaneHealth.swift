import Foundation

/// One component of a hosted control plane and whether it works (CP1).
public struct ComponentHealth: Sendable, Equatable, Codable {
    /// `apiServer`, `datastore` or `dns`.
    public let component: String
    public let healthy: Bool
    public let message: String
}

/// The last health check of one cluster's control plane, as the provider sees it.
public struct ControlPlaneStatus: Sendable, Codable {
    public let clusterUID: String
    public let kubernetesVersion: String
    public let components: [ComponentHealth]
    public let checkedAt: Date
    /// How many times a failed component was restarted since this process started.
    public let restarts: Int

    public var healthy: Bool { components.allSatisfy(\.healthy) }
}

extension HostedControlPlanes {
    /// Checks each component: the API is registered; the datastore answers a read; the DNS
    /// add-on (Deployment `coredns`, Service `kube-dns`) exists in `kube-system`.
    public func probe(clusterUID: String) async -> [ComponentHealth] {
        guard let plane = controlPlane(clusterUID) else {
            return [ComponentHealth(component: "apiServer", healthy: false, message: "not serving")]
        }
        var components = [ComponentHealth(component: "apiServer", healthy: true, message: "serving")]
        do {
            let revision = try await plane.store.datastore.currentRevision()
            components.append(ComponentHealth(component: "datastore", healthy: true, message: "revision \(revision)"))
        } catch {
            components.append(ComponentHealth(component: "datastore", healthy: false, message: "\(error)"))
            components.append(ComponentHealth(component: "dns", healthy: false, message: "datastore unavailable"))
            return components
        }
        let missing = await ManagedObjects.missingDNS(in: plane.store)
        components.append(ComponentHealth(
            component: "dns", healthy: missing.isEmpty, message: missing.isEmpty ? "coredns and kube-dns present" : "missing: \(missing.joined(separator: ", "))"))
        return components
    }

    /// Records a check's result (and counts a restart when `restarted`).
    public func record(clusterUID: String, components: [ComponentHealth], restarted: Bool) {
        guard let plane = controlPlane(clusterUID) else { return }
        let restarts = (statuses[clusterUID]?.restarts ?? 0) + (restarted ? 1 : 0)
        statuses[clusterUID] = ControlPlaneStatus(
            clusterUID: clusterUID, kubernetesVersion: plane.kubernetesVersion, components: components, checkedAt: clock.now(), restarts: restarts)
    }

    /// The last recorded status of every running control plane.
    public var healthReport: [ControlPlaneStatus] {
        runningClusters.compactMap { statuses[$0] }
    }
}

extension ManagedObjects {
    /// Which DNS add-on objects are gone (a customer cannot delete them, but a restored or
    /// damaged datastore can lose them).
    static func missingDNS(in store: ObjectStore) async -> [String] {
        var missing: [String] = []
        let checks: [(String, String, String)] = [("apps", "deployments", "coredns"), ("", "services", "kube-dns")]
        for (group, resource, name) in checks {
            let type = ResourceCatalog.type(group: group, version: "v1", resource: resource)!
            // Present means read and found; a failed read counts as missing.
            if case .some(.some) = try? await store.find(ObjectReference(type, namespace: "kube-system", name: name)) { continue }
            missing.append("\(type.kind) kube-system/\(name)")
        }
        return missing
    }
}
