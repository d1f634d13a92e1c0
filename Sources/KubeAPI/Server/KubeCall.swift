import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// One authenticated request to a cluster's API, as the handlers see it.
struct KubeCall: Sendable {
    let plane: HostedControlPlane
    let user: UserInfo
    let method: HTTPRequest.Method
    let target: ResourceTarget
    let query: [String: String]
    let accept: String
    let contentType: String
    let body: [UInt8]
    let now: Date
    /// The body as the in-process client built it (`KubeClient`): no serialize-and-parse round trip.
    var parsedBody: JSON? = nil

    /// Where the in-process client takes a single-object answer as JSON (not as bytes to parse).
    var responseSink: ResponseObjectSink? = nil

    var hasBody: Bool { parsedBody != nil || !body.isEmpty }

    /// The body as JSON of any shape (a patch), parsed once.
    func bodyJSON() throws(KubeError) -> JSON {
        if let parsedBody { return parsedBody }
        do { return try JSON.parse(body) } catch { throw .badRequest("the patch is not valid JSON: \(error)") }
    }

    var store: ObjectStore { plane.store }
    var type: ResourceType { target.type }

    /// The service's own writes (controllers, node agents) skip customer admission rules.
    var isService: Bool { user.groups.contains(KubeUsers.serviceGroup) }
    var isMaster: Bool { user.groups.contains("system:masters") || isService }

    func flag(_ name: String) -> Bool { query[name] == "true" || query[name] == "1" }

    /// The Content-Type without parameters, lower case (`application/json`).
    var mediaType: String {
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// The request body as a JSON object: JSON (or JSON-compatible YAML, as kubectl sends for
    /// apply) or a Kubernetes protobuf envelope.
    func bodyObject() throws(KubeError) -> JSON {
        let object: JSON
        if let parsedBody {
            object = parsedBody
        } else if body.isEmpty {
            throw .badRequest("the request body is empty; send the object as JSON")
        } else if ProtobufBody.hasMagic(body) {
            do { object = try ProtobufBody.decode(body) } catch { throw .badRequest("the protobuf body could not be decoded: \(error)") }
        } else {
            guard mediaType.isEmpty || mediaType.hasSuffix("json") || mediaType.hasSuffix("yaml") else { throw .unsupportedMediaType(contentType) }
            do {
                object = try JSON.parse(body)
            } catch {
                throw .badRequest("the body of the request is not valid JSON: \(error)")
            }
        }
        guard object.objectValue != nil else { throw .badRequest("the body must be a JSON object, got a \(object.typeName)") }
        return object
    }
}

/// The identities the front knows besides RBAC subjects.
public enum KubeUsers {
    /// Group of the service's own components (controllers, node agents): trusted, not a customer.
    public static let serviceGroup = "system:harbormaster"
    public static let authenticatedGroup = "system:authenticated"

    /// The Kubernetes identity behind a kubeconfig role. Without Entra-style integration, AKS's
    /// local accounts make both the user and the admin credential cluster administrators; the
    /// support identity only gets what `aks-service-rolebinding` grants while a JIT grant lives.
    public static func user(forRole role: String) -> UserInfo? {
        switch role {
        case "clusterAdmin": UserInfo(name: "clusterAdmin", groups: ["system:masters", authenticatedGroup])
        case "clusterUser": UserInfo(name: "clusterUser", groups: ["system:masters", authenticatedGroup])
        case ManagedObjects.aksServiceUser: UserInfo(name: ManagedObjects.aksServiceUser, groups: [authenticatedGroup])
        default: nil
        }
    }
}

/// Building responses in the API's content types.
enum KubeResponse {
    static func json(_ status: HTTPResponse.Status, _ body: JSON, contentType: String = "application/json") -> Response {
        var buffer = ByteBuffer()
        buffer.writeBytes(body.serialized())
        return Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: buffer))
    }

    static func error(_ error: KubeError) -> Response {
        json(HTTPResponse.Status(code: error.code), error.status)
    }
}

/// Holds the object a handler answered with, for the in-process client (`KubeClient`).
final class ResponseObjectSink: Sendable {
    private let stored = Mutex<JSON?>(nil)

    var object: JSON? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
