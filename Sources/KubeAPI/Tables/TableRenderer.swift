import Foundation

/// Server-side printing for `kubectl get`: a `meta.k8s.io/v1` Table whose columns come from the
/// type's `TableColumn`s, formatted the way kubectl's own printers format them.
public enum TableRenderer {
    /// True when the Accept header offers a `meta.k8s.io/v1` Table (`as=Table`), as `kubectl get` does.
    public static func wantsTable(accept: String) -> Bool {
        Discovery.MediaRange.parseList(accept).contains { range in
            range.parameters["as"] == "Table"
                && (range.parameters["g"] ?? "meta.k8s.io") == "meta.k8s.io"
                && (range.parameters["v"] ?? "v1") == "v1"
        }
    }

    /// A Table for `objects` of `type`. Rows carry the object's metadata as PartialObjectMetadata
    /// (kubectl `-A` and `--show-labels` read it), or the full object with `includeObject`.
    /// Watch events after the first omit the column definitions (`includeColumnDefinitions: false`).
    public static func table(
        _ type: ResourceType, objects: [JSON], resourceVersion: String, continueToken: String?, includeObject: Bool,
        includeColumnDefinitions: Bool, now: Date
    ) -> JSON {
        var metadata: JSON = [:]
        if !resourceVersion.isEmpty { metadata["resourceVersion"] = .string(resourceVersion) }
        if let continueToken, !continueToken.isEmpty { metadata["continue"] = .string(continueToken) }
        var table: JSON = [
            "kind": "Table",
            "apiVersion": "meta.k8s.io/v1",
            "metadata": metadata,
            "rows": .array(objects.map { row($0, type: type, includeObject: includeObject, now: now) }),
        ]
        if includeColumnDefinitions { table["columnDefinitions"] = .array(columnDefinitions(type)) }
        return table
    }

    static func columnDefinitions(_ type: ResourceType) -> [JSON] {
        let name: JSON = [
            "name": "Name", "type": "string", "format": "name", "priority": 0,
            "description": "Name must be unique within a namespace.",
        ]
        return [name] + type.columns.map { column in
            [
                "name": .string(column.name), "type": .string(column.type), "format": "", "priority": .int(Int64(column.priority)),
                "description": .string(column.cell == .age ? "Time since the object was created." : ""),
            ]
        }
    }

    static func row(_ object: JSON, type: ResourceType, includeObject: Bool, now: Date) -> JSON {
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        let cells = [JSON.string(name)] + type.columns.map { cell($0, of: object, now: now) }
        var rowObject: JSON
        if includeObject {
            rowObject = object
            if rowObject["kind"] == nil { rowObject["kind"] = .string(type.kind) }
            if rowObject["apiVersion"] == nil { rowObject["apiVersion"] = .string(type.apiVersion) }
        } else {
            var metadata = object["metadata"] ?? [:]
            metadata["managedFields"] = nil
            rowObject = ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": metadata]
        }
        return ["cells": .array(cells), "object": rowObject]
    }

    /// One cell. Absent values print like kubectl: `<none>` for text, 0 for integer columns.
    static func cell(_ column: TableColumn, of object: JSON, now: Date) -> JSON {
        let isInteger = column.type == "integer"
        switch column.cell {
        case .path(let path):
            switch object[path: path] {
            case nil, .null?: return isInteger ? 0 : none
            case .string(let text)?: return text.isEmpty && !isInteger ? none : .string(text)
            case .array?, .object?: return .string(object[path: path]?.text ?? "")
            case let value?: return value
            }
        case .age:
            return .string(age(of: object[path: ["metadata", "creationTimestamp"]], now: now))
        case .count(let path):
            return .int(Int64(count(object[path: path])))
        case .joined(let path):
            let values = strings(object[path: path])
            return values.isEmpty ? none : .string(values.joined(separator: ","))
        case .ratio(let numerator, let denominator):
            let ready = object[path: numerator]?.intValue ?? 0
            let total = object[path: denominator]?.intValue ?? 0
            return .string("\(ready)/\(total)")
        case .computed(let name):
            guard let compute = TableCells.functions[name] else { return unknown }
            return compute(object, now)
        }
    }

    static let none: JSON = "<none>"
    static let unknown: JSON = "<unknown>"

    /// Entries of a map or list; 0 for anything else.
    static func count(_ value: JSON?) -> Int {
        switch value {
        case .object(let members)?: members.count
        case .array(let items)?: items.count
        default: 0
        }
    }

    /// The strings of a JSON array (non-strings skipped).
    static func strings(_ value: JSON?) -> [String] {
        (value?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
