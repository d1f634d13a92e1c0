import Foundation
import Hummingbird

/// `SelfSubjectAccessReview` (`kubectl auth can-i`): may the caller do this?
enum AccessReview {
    static func create(_ call: KubeCall) async throws -> Response {
        var review = try call.bodyObject()
        let attributes: RequestAttributes
        if let resource = review[path: ["spec", "resourceAttributes"]], resource.objectValue != nil {
            func field(_ name: String) -> String { resource[name]?.stringValue ?? "" }
            attributes = RequestAttributes(
                verb: field("verb"), group: field("group"), resource: field("resource"),
                subresource: field("subresource"), namespace: field("namespace"), name: field("name"))
        } else if let nonResource = review[path: ["spec", "nonResourceAttributes"]], nonResource.objectValue != nil {
            attributes = RequestAttributes(verb: nonResource["verb"]?.stringValue ?? "", path: nonResource["path"]?.stringValue ?? "")
        } else {
            throw KubeError.invalid(call.type, "", field: "spec", message: "exactly one of nonResourceAttributes or resourceAttributes must be specified")
        }
        var status: JSON
        if call.isMaster {
            status = ["allowed": true, "reason": "the caller is in group system:masters"]
        } else {
            let decision = try await Authorization.authorizer(call.store, now: call.now).authorize(call.user, attributes)
            status = ["allowed": .bool(decision.allowed)]
            if !decision.reason.isEmpty { status["reason"] = .string(decision.reason) }
        }
        review["apiVersion"] = "authorization.k8s.io/v1"
        review["kind"] = "SelfSubjectAccessReview"
        review["status"] = status
        review[path: ["metadata", "creationTimestamp"]] = .null
        return KubeResponse.json(.created, review)
    }
}
