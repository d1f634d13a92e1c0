/// The `Content-Type` of a PATCH request: which of the API's patch formats the body is.
public enum PatchType: String, Sendable, CaseIterable {
    case json = "application/json-patch+json"
    case merge = "application/merge-patch+json"
    case strategicMerge = "application/strategic-merge-patch+json"
    case apply = "application/apply-patch+yaml"

    /// The patch type of a `Content-Type` header value; parameters (`; charset=utf-8`) are ignored.
    public init?(contentType: String) {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        self.init(rawValue: mediaType.filter { $0 != " " && $0 != "\t" }.lowercased())
    }
}

/// A patch that cannot be applied. The message names the operation or field at fault, so it can
/// be returned to the client as the `message` of a 422 (or 400) Status.
public struct PatchError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The patch formats of the Kubernetes API, applied to an object's JSON tree: JSON patch
/// (RFC 6902), JSON merge patch (RFC 7386) and strategic merge patch. Server-side apply
/// (`PatchType.apply`) needs field ownership and lives elsewhere.
public enum Patch {
    /// RFC 7386 merge patch: objects merge recursively, `null` deletes a member, anything else
    /// (arrays included) replaces the target value.
    public static func applyMergePatch(_ patch: JSON, to document: JSON) -> JSON {
        guard case .object(let members) = patch else { return patch }
        var target = document.objectValue ?? [:]
        for (name, value) in members {
            if value == .null {
                target[name] = nil
            } else {
                target[name] = applyMergePatch(value, to: target[name] ?? .null)
            }
        }
        return .object(target)
    }
}
