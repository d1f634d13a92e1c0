import Foundation

/// The checks every written object passes before admission: its kind and apiVersion match the
/// URL, its namespace matches the URL, and its name is valid for the kind.
enum ObjectValidation {
    static func check(_ object: JSON, call: KubeCall, name expectedName: String?) throws(KubeError) {
        let type = call.type
        if let apiVersion = object["apiVersion"]?.stringValue, !apiVersion.isEmpty, apiVersion != type.apiVersion {
            throw .badRequest("the API version in the data (\(apiVersion)) does not match the expected API version (\(type.apiVersion))")
        }
        if let kind = object["kind"]?.stringValue, !kind.isEmpty, kind != type.kind {
            throw .badRequest("the kind in the data (\(kind)) does not match the expected kind (\(type.kind)) for \(type.qualifiedName)")
        }
        if let metadata = object["metadata"], metadata.objectValue == nil {
            throw .badRequest("metadata must be an object, got a \(metadata.typeName)")
        }
        let namespace = ObjectMeta.namespace(object)
        if type.namespaced, !namespace.isEmpty, let urlNamespace = call.target.namespace, namespace != urlNamespace {
            throw .badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        let name = ObjectMeta.name(object)
        if let expectedName, name != expectedName {
            throw .badRequest("the name of the object (\(name)) does not match the name on the URL (\(expectedName))")
        }
        if let message = invalidName(name, type: type) {
            throw .invalid(type, name, field: "metadata.name", message: message)
        }
        for field in ["labels", "annotations"] {
            if let map = object[path: ["metadata", field]], !map.isNull {
                guard let members = map.objectValue, members.values.allSatisfy({ $0.stringValue != nil }) else {
                    throw .invalid(type, name, field: "metadata.\(field)", message: "must be a map of string keys to string values")
                }
            }
        }
    }

    /// nil when valid; upstream's rules: DNS-1123 label for namespaces, path segment names
    /// for RBAC objects, DNS-1123 subdomain for everything else.
    static func invalidName(_ name: String, type: ResourceType) -> String? {
        if name.isEmpty { return "Required value: name or generateName is required" }
        if type.group == "rbac.authorization.k8s.io" {
            if name == "." || name == ".." || name.contains("/") || name.contains("%") {
                return "Invalid value: \"\(name)\": may not be '.' or '..' and may not contain '/' or '%'"
            }
            return nil
        }
        let label = type.resource == "namespaces"
        let limit = label ? 63 : 253
        let allowed = name.utf8.allSatisfy { c in
            (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 45 || (!label && c == 46)
        }
        let edgesOK = name.first.map { $0.isLetter || $0.isNumber } == true && name.last.map { $0.isLetter || $0.isNumber } == true
        if name.count > limit || !allowed || !edgesOK {
            let rule = label ? "a lowercase RFC 1123 label" : "a lowercase RFC 1123 subdomain"
            return "Invalid value: \"\(name)\": must be \(rule): lower case alphanumeric characters, '-'\(label ? "" : " or '.'"), starting and ending with an alphanumeric character, at most \(limit) characters"
        }
        return nil
    }
}
