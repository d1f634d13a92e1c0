import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A typed, in-process client of one cluster's hosted API, for the service's own components
/// (node agents, the scheduler and controllers). Every call goes through the same handlers
/// as a request from kubectl: authorization, admission, validation, defaulting and
/// resourceVersion checks, so the components are clients of the API and never write the
/// datastore behind its back (DESIGN: `NodeAgent` must not reach into the stores). Only the
/// HTTP and TLS layers are skipped; errors are the `KubeError` a remote client would get
/// as a `Status`.
public struct KubeClient: Sendable {
    public let plane: HostedControlPlane
    public let user: UserInfo

    public init(plane: HostedControlPlane, user: UserInfo) {
        self.plane = plane
        self.user = user
    }

    /// A component of the service (scheduler, controllers): trusted like `system:masters`
    /// and exempt from the customer admission rules (reserved labels, managed objects).
    public static func serviceUser(_ component: String) -> UserInfo {
        UserInfo(name: "system:harbormaster:\(component)", groups: [KubeUsers.serviceGroup, KubeUsers.authenticatedGroup])
    }

    /// A node's kubelet, `system:node:{name}` in `system:nodes` as upstream names it.
    public static func nodeUser(_ node: String) -> UserInfo {
        UserInfo(name: "system:node:\(node)", groups: ["system:nodes", KubeUsers.serviceGroup, KubeUsers.authenticatedGroup])
    }

    // MARK: Reads

    public func get(_ resource: KubeResource, namespace: String? = nil, _ name: String) async throws(KubeError) -> JSON {
        try await send(.get, resource, namespace: namespace, name: name)
    }

    /// The object, or nil when it does not exist.
    public func find(_ resource: KubeResource, namespace: String? = nil, _ name: String) async throws(KubeError) -> JSON? {
        do { return try await get(resource, namespace: namespace, name) } catch where error.code == 404 { return nil }
    }

    /// Every matching object (all pages) and the revision the list was read at.
    public func list(
        _ resource: KubeResource, namespace: String? = nil, labelSelector: String? = nil, fieldSelector: String? = nil
    ) async throws(KubeError) -> ObjectList {
        var query: [String: String] = [:]
        if let labelSelector { query["labelSelector"] = labelSelector }
        if let fieldSelector { query["fieldSelector"] = fieldSelector }
        let list = try await send(.get, resource, namespace: namespace, query: query)
        let revision = list[path: ["metadata", "resourceVersion"]]?.stringValue.flatMap { Int64($0) } ?? 0
        return ObjectList(items: list["items"]?.arrayValue ?? [], resourceVersion: revision, continueToken: nil)
    }

    /// Changes after `revision` (a list's `resourceVersion`), filtered by the selectors, as
    /// `ADDED` / `MODIFIED` / `DELETED`. The stream ends with an error when the revision has
    /// been compacted (410) or the control plane stops; callers list again and re-watch.
    public func watch(
        _ resource: KubeResource, namespace: String? = nil, after revision: Int64, labelSelector: String? = nil, fieldSelector: String? = nil
    ) async throws(KubeError) -> AsyncThrowingStream<ObjectChange, any Error> {
        var query: [String: String] = ["watch": "true"]
        if let labelSelector { query["labelSelector"] = labelSelector }
        if let fieldSelector { query["fieldSelector"] = fieldSelector }
        let call = try self.call(.get, resource, namespace: namespace, name: nil, subresource: nil, query: query, body: nil)
        try await ResourceHandlers.authorize(call, "watch")
        let selection = try Selection(call)
        return call.store.watch(call.type, namespace: namespace, afterRevision: revision, filter: selection.watchFilter)
    }

    // MARK: Writes

    public func create(_ resource: KubeResource, namespace: String? = nil, _ object: JSON) async throws(KubeError) -> JSON {
        try await send(.post, resource, namespace: namespace, body: object)
    }

    /// PUT of the whole object; it must carry the resourceVersion it was read at.
    public func update(_ resource: KubeResource, namespace: String? = nil, _ object: JSON) async throws(KubeError) -> JSON {
        try await send(.put, resource, namespace: namespace, name: Self.name(of: object), body: object)
    }

    /// PUT of the `status` subresource: only `.status` of the object changes.
    public func updateStatus(_ resource: KubeResource, namespace: String? = nil, _ object: JSON) async throws(KubeError) -> JSON {
        try await send(.put, resource, namespace: namespace, name: Self.name(of: object), subresource: "status", body: object)
    }

    public func patch(
        _ resource: KubeResource, namespace: String? = nil, _ name: String, _ patch: JSON, type: PatchType = .merge, subresource: String? = nil
    ) async throws(KubeError) -> JSON {
        try await send(.patch, resource, namespace: namespace, name: name, subresource: subresource, body: patch, contentType: type.rawValue)
    }

    public func delete(_ resource: KubeResource, namespace: String? = nil, _ name: String, options: JSON? = nil) async throws(KubeError) {
        _ = try await send(.delete, resource, namespace: namespace, name: name, body: options)
    }

    /// policy/v1 Eviction of a pod (what `kubectl drain` does).
    public func evict(namespace: String, pod: String) async throws(KubeError) {
        let eviction: JSON = ["apiVersion": "policy/v1", "kind": "Eviction", "metadata": ["name": .string(pod), "namespace": .string(namespace)]]
        _ = try await send(.post, .pods, namespace: namespace, name: pod, subresource: "eviction", body: eviction)
    }

    /// Binds a pending pod to a node (`pods/{name}/binding`, what the scheduler does).
    public func bind(namespace: String, pod: String, node: String) async throws(KubeError) {
        let binding: JSON = [
            "apiVersion": "v1", "kind": "Binding", "metadata": ["name": .string(pod), "namespace": .string(namespace)],
            "target": ["apiVersion": "v1", "kind": "Node", "name": .string(node)],
        ]
        _ = try await send(.post, .pods, namespace: namespace, name: pod, subresource: "binding", body: binding)
    }

    // MARK: Dispatch

    static func name(of object: JSON) -> String { object[path: ["metadata", "name"]]?.stringValue ?? "" }

    private func call(
        _ method: HTTPRequest.Method, _ resource: KubeResource, namespace: String?, name: String?, subresource: String?,
        query: [String: String], body: JSON?, contentType: String = "application/json"
    ) throws(KubeError) -> KubeCall {
        guard let type = ResourceCatalog.type(group: resource.group, version: resource.version, resource: resource.resource) else {
            throw KubeError.pathNotFound("\(resource)")
        }
        let target = ResourceTarget(type: type, namespace: type.namespaced ? namespace : nil, name: name, subresource: subresource)
        return KubeCall(
            plane: plane, user: user, method: method, target: target, query: query, accept: "application/json",
            contentType: contentType, body: [], now: plane.clock.now(), parsedBody: body, responseSink: ResponseObjectSink())
    }

    private func send(
        _ method: HTTPRequest.Method, _ resource: KubeResource, namespace: String? = nil, name: String? = nil, subresource: String? = nil,
        query: [String: String] = [:], body: JSON? = nil, contentType: String = "application/json"
    ) async throws(KubeError) -> JSON {
        let call = try self.call(method, resource, namespace: namespace, name: name, subresource: subresource, query: query, body: body, contentType: contentType)
        let response: Response
        let bytes: [UInt8]
        do {
            response = try await ResourceHandlers.serve(call)
            let collector = BodyCollector()
            try await response.body.write(collector)
            bytes = collector.bytes
        } catch let error as KubeError {
            throw error
        } catch is CancellationError {
            throw ObjectStore.cancelled
        } catch {
            throw KubeError.internalError("\(error)")
        }
        let object: JSON
        if let answered = call.responseSink?.object {
            object = answered
        } else {
            do { object = bytes.isEmpty ? [:] : try JSON.parse(bytes) } catch { throw KubeError.internalError("unreadable response: \(error)") }
        }
        guard response.status.code < 300 else {
            throw KubeError(
                code: response.status.code, reason: object["reason"]?.stringValue ?? "Unknown",
                message: object["message"]?.stringValue ?? "", details: object["details"])
        }
        return object
    }
}

/// A resource the client addresses: group, version and plural name.
public struct KubeResource: Sendable, Hashable, CustomStringConvertible {
    public let group: String
    public let version: String
    public let resource: String

    public init(group: String, version: String, resource: String) {
        self.group = group
        self.version = version
        self.resource = resource
    }

    public var description: String { group.isEmpty ? "\(version)/\(resource)" : "\(group)/\(version)/\(resource)" }

    public static let namespaces = KubeResource(group: "", version: "v1", resource: "namespaces")
    public static let nodes = KubeResource(group: "", version: "v1", resource: "nodes")
    public static let pods = KubeResource(group: "", version: "v1", resource: "pods")
    public static let events = KubeResource(group: "", version: "v1", resource: "events")
    public static let services = KubeResource(group: "", version: "v1", resource: "services")
    public static let configMaps = KubeResource(group: "", version: "v1", resource: "configmaps")
    public static let deployments = KubeResource(group: "apps", version: "v1", resource: "deployments")
    public static let replicaSets = KubeResource(group: "apps", version: "v1", resource: "replicasets")
    public static let daemonSets = KubeResource(group: "apps", version: "v1", resource: "daemonsets")
    public static let leases = KubeResource(group: "coordination.k8s.io", version: "v1", resource: "leases")
}

/// Collects a response body in memory (responses of the in-process client are small, and
/// watches do not go through it).
private final class BodyCollector: ResponseBodyWriter, Sendable {
    private let buffer = Mutex<[UInt8]>([])

    var bytes: [UInt8] { buffer.withLock { $0 } }

    func write(_ chunk: ByteBuffer) async throws {
        buffer.withLock { $0.append(contentsOf: chunk.readableBytesView) }
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
