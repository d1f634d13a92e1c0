import Core
import Foundation
import Wire

/// Reads an IaaS request body: valid JSON or `InvalidRequestContent`; typed fields or an
/// `InvalidParameter` naming the field's JSON path. Unknown properties are ignored, as the
/// Compute and Network providers do; only the fields the simulation models are read.
struct IaaSBody {
    let json: ARMJSON

    init(_ data: Data) throws(ServiceError) {
        guard !data.isEmpty else { throw .invalidRequestContent(message: "The request body is empty; a JSON object is required.") }
        guard let json = try? JSONDecoder().decode(ARMJSON.self, from: data) else {
            throw .invalidRequestContent(message: "The request body is not valid JSON.")
        }
        guard case .object = json else { throw .invalidRequestContent(message: "The request body must be a JSON object.") }
        self.json = json
    }

    /// An optional body (POST actions): empty means `{}`.
    static func optional(_ data: Data) throws(ServiceError) -> IaaSBody {
        data.isEmpty ? IaaSBody(json: [:]) : try IaaSBody(data)
    }

    private init(json: ARMJSON) { self.json = json }

    /// The value at a dotted path (`properties.priority`), case-insensitive; nil when absent or null.
    func value(_ path: String) -> ARMJSON? { Self.value(json, path) }

    static func value(_ json: ARMJSON, _ path: String) -> ARMJSON? {
        var current: ARMJSON? = json
        for key in path.split(separator: ".") { current = current?[String(key)] }
        return current
    }

    static func string(_ json: ARMJSON, _ path: String, target: String) throws(ServiceError) -> String? {
        switch value(json, path) {
        case nil: return nil
        case .string(let s)?: return s
        default: throw .invalidParameter(target: target, message: "'\(target)' has the wrong type; expected a string.")
        }
    }

    /// The `name` member, or "" when absent (validation then names the field).
    static func name(_ json: ARMJSON, target: String) throws(ServiceError) -> String {
        try string(json, "name", target: target) ?? ""
    }

    static func int(_ json: ARMJSON, _ path: String, target: String) throws(ServiceError) -> Int? {
        switch value(json, path) {
        case nil: return nil
        case .number(let n)? where n.rounded() == n: return Int(n)
        case .string(let s)? where Int(s) != nil: return Int(s)
        default: throw .invalidParameter(target: target, message: "'\(target)' has the wrong type; expected an integer.")
        }
    }

    static func strings(_ json: ARMJSON, _ path: String, target: String) throws(ServiceError) -> [String]? {
        switch value(json, path) {
        case nil: return nil
        case .array(let items)?:
            var result: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw .invalidParameter(target: target, message: "'\(target)' must be an array of strings.") }
                result.append(s)
            }
            return result
        default: throw .invalidParameter(target: target, message: "'\(target)' must be an array of strings.")
        }
    }

    static func tags(_ json: ARMJSON, target: String = "tags") throws(ServiceError) -> [String: String]? {
        switch value(json, "tags") {
        case nil: return nil
        case .object(let object)?:
            var tags: [String: String] = [:]
            for (key, value) in object {
                guard case .string(let s) = value else { throw .invalidParameter(target: "\(target).\(key)", message: "Tag values must be strings.") }
                tags[key] = s
            }
            return tags
        default: throw .invalidParameter(target: target, message: "'tags' must be an object of strings.")
        }
    }

    static func array(_ json: ARMJSON, _ path: String, target: String) throws(ServiceError) -> [ARMJSON]? {
        switch value(json, path) {
        case nil: return nil
        case .array(let items)?: return items
        default: throw .invalidParameter(target: target, message: "'\(target)' must be an array.")
        }
    }

    /// Canonical JSON text (sorted keys) of a settings object, as `VMExtension.settings` keeps it.
    static func canonicalText(_ json: ARMJSON?) -> String? {
        guard let json else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(json)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func parseText(_ text: String?) -> ARMJSON? {
        text.flatMap { try? JSONDecoder().decode(ARMJSON.self, from: Data($0.utf8)) }
    }
}
