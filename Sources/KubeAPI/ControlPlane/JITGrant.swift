import Foundation

/// SEC5's just-in-time access: while a grant is live, `aks-service-rolebinding` binds the
/// support user to the `aks-service` role; when it expires (on the service clock) the binding
/// stops counting at once, whether or not anything has cleared it yet.
public enum JITGrant {
    static let annotation = Authorization.jitExpiryAnnotation

    /// True when the binding carries a grant that has not expired at `now`.
    static func isLive(_ binding: JSON, now: Date) -> Bool {
        guard let text = ObjectMeta.annotations(binding)[annotation], let expiry = ObjectMeta.parseTimestamp(text) else { return false }
        return expiry > now
    }

    /// Binds the support user until `expiry`.
    static func grant(in store: ObjectStore, until expiry: Date) async throws(KubeError) {
        try await store.update(bindingReference) { binding throws(KubeError) in
            var binding = binding
            binding["subjects"] = [["kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": .string(ManagedObjects.aksServiceUser)]]
            binding[path: ["metadata", "annotations", annotation]] = .string(ObjectMeta.timestamp(expiry))
            return binding
        }
    }

    /// Removes the grant: no subjects, no expiry.
    static func revoke(in store: ObjectStore) async throws(KubeError) {
        try await store.update(bindingReference) { binding throws(KubeError) in
            var binding = binding
            binding["subjects"] = []
            binding[path: ["metadata", "annotations", annotation]] = nil
            return binding
        }
    }

    /// The grant's expiry, if one is live.
    static func expiry(in store: ObjectStore, now: Date) async throws(KubeError) -> Date? {
        let binding = try await store.get(bindingReference)
        guard isLive(binding, now: now) else { return nil }
        return ObjectMeta.annotations(binding)[annotation].flatMap(ObjectMeta.parseTimestamp)
    }

    static var bindingReference: ObjectReference {
        ObjectReference(
            ResourceCatalog.type(group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterrolebindings")!,
            namespace: "", name: ManagedObjects.aksServiceBinding)
    }
}

extension HostedControlPlanes {
    /// Opens SEC5 support access to a running cluster until `expiry`; false when the cluster is not running here.
    public func grantSupportAccess(clusterUID: String, until expiry: Date) async throws -> Bool {
        guard let plane = controlPlane(clusterUID) else { return false }
        try await JITGrant.grant(in: plane.store, until: expiry)
        return true
    }

    /// Ends SEC5 support access now; false when the cluster is not running here.
    public func revokeSupportAccess(clusterUID: String) async throws -> Bool {
        guard let plane = controlPlane(clusterUID) else { return false }
        try await JITGrant.revoke(in: plane.store)
        return true
    }
}
