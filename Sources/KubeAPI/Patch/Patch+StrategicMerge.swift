extension Patch {
    /// Strategic merge patch (`kubectl apply`, `cordon`, `rollout restart`, `set image`) for the
    /// object's `apiVersion`/`kind`: maps merge and `null` deletes; lists with a merge key merge by
    /// it; directives (`$patch`, `$setElementOrder/`, `$deleteFromPrimitiveList/`, `$retainKeys`)
    /// are honoured and never kept. Kinds outside the merge-key table get map merge and list replace.
    public static func applyStrategicMergePatch(_ patch: JSON, to document: JSON) throws(PatchError) -> JSON {
        guard case .object(let members) = patch else {
            throw PatchError("a strategic merge patch must be a JSON object, not a \(patch.typeName)")
        }
        let schema = PatchSchema.kubernetes
        let root = schema.root(apiVersion: document["apiVersion"]?.stringValue, kind: document["kind"]?.stringValue)
        let merged = try StrategicMerge(schema: schema).mergeObject(document.objectValue ?? [:], members, type: root, at: "")
        return .object(merged ?? [:])
    }
}

/// The strategic merge algorithm of k8s.io/apimachinery `strategicpatch` (`mergeMap`,
/// `mergeSlice`), as the API server runs it: parallel lists merged, unmatched `null`s dropped.
struct StrategicMerge {
    let schema: PatchSchema

    enum Directive {
        static let patch = "$patch"
        static let retainKeys = "$retainKeys"
        static let setElementOrder = "$setElementOrder/"
        static let deleteFromPrimitiveList = "$deleteFromPrimitiveList/"

        static func isDirective(_ key: String) -> Bool {
            key == patch || key == retainKeys || key.hasPrefix(setElementOrder) || key.hasPrefix(deleteFromPrimitiveList)
        }
    }

    /// Merges `patch` into `original`, a value of struct `type` at `path`. Nil when the patch is
    /// `{"$patch": "delete"}`.
    func mergeObject(
        _ original: [String: JSON], _ patch: [String: JSON], type: String?, at path: String
    ) throws(PatchError) -> [String: JSON]? {
        var patch = patch
        if let directive = patch.removeValue(forKey: Directive.patch) {
            switch directive {
            case "replace": return try mergeObject([:], patch, type: type, at: path)
            case "delete": return nil
            default:
                throw PatchError(
                    "\(Self.describe(path)): unknown $patch value \(directive.excerpt); use \"replace\" or \"delete\"")
            }
        }
        var result = original
        if let retained = patch.removeValue(forKey: Directive.retainKeys) {
            try retainKeys(retained, in: &result, patch: patch, at: path)
        }
        for key in patch.keys.sorted() where key.hasPrefix(Directive.setElementOrder) {
            let field = String(key.dropFirst(Directive.setElementOrder.count))
            try orderList(field, by: patch[key] ?? .null, in: &result, patch: patch, type: type, at: path)
            patch[key] = nil
            patch[field] = nil
        }
        for key in patch.keys.sorted() where key.hasPrefix(Directive.deleteFromPrimitiveList) {
            let field = String(key.dropFirst(Directive.deleteFromPrimitiveList.count))
            guard !field.isEmpty, case .array(let doomed) = patch[key] else {
                throw PatchError(
                    "\(Self.describe(Self.child(path, key))): must be a list of the values to remove from \"\(field)\"")
            }
            if case .array(let items) = result[field] {
                result[field] = .array(items.filter { item in !doomed.contains { $0.isEquivalent(to: item) } })
            }
            patch[key] = nil
        }
        for key in patch.keys.sorted() {
            guard let value = patch[key] else { continue }
            let rule = schema.rule(key, in: type)
            let fieldPath = Self.child(path, key)
            switch (result[key], value) {
            case (_, .null):
                result[key] = nil
            case (.object(let current), .object(let members)) where rule?.strategy != .replace:
                // `{"$patch": "delete"}` empties an existing map (the key stays, as in apimachinery).
                result[key] = .object(try mergeObject(current, members, type: rule?.type, at: fieldPath) ?? [:])
            case (.array(let current), .array(let items)):
                result[key] = .array(try mergeListField(current, items, rule: rule, at: fieldPath))
            default:
                result[key] = try materialize(value, rule: rule, at: fieldPath)
            }
        }
        return result
    }

    /// A patch value for a field the object does not have (or of another JSON type): taken as it
    /// is, minus directives and `null` members.
    func materialize(_ value: JSON, rule: PatchFieldRule?, at path: String) throws(PatchError) -> JSON? {
        switch value {
        case .null:
            return nil
        case .object(let members):
            return try mergeObject([:], members, type: rule?.type, at: path).map(JSON.object)
        case .array(let items):
            return .array(try mergeListField([], items, rule: rule, at: path))
        default:
            return value
        }
    }

    /// `$retainKeys`: keys of the object not listed are cleared; every key the patch sets must be listed.
    private func retainKeys(
        _ directive: JSON, in result: inout [String: JSON], patch: [String: JSON], at path: String
    ) throws(PatchError) {
        let names = directive.arrayValue?.compactMap(\.stringValue)
        guard let names, names.count == directive.arrayValue?.count else {
            throw PatchError("\(Self.describe(path)): $retainKeys must be a list of field names")
        }
        let kept = Set(names)
        for (key, value) in patch where value != .null && !Directive.isDirective(key) && !kept.contains(key) {
            throw PatchError("\(Self.describe(path)): the patch sets \"\(key)\", which its $retainKeys list does not name")
        }
        result = result.filter { kept.contains($0.key) }
    }

    /// `$setElementOrder/<field>`: merges the field's list (if the patch has one) and then orders it:
    /// the named elements in the given order, the others where they were.
    private func orderList(
        _ field: String, by order: JSON, in result: inout [String: JSON], patch: [String: JSON], type: String?,
        at path: String
    ) throws(PatchError) {
        let fieldPath = Self.child(path, field)
        guard !field.isEmpty, case .array(let orderList) = order else {
            throw PatchError("\(Self.describe(Self.child(path, Directive.setElementOrder + field))): must be a list")
        }
        let rule = schema.rule(field, in: type)
        let mergeKey = rule?.strategy.mergesLists == true ? rule?.mergeKey : nil
        let current = result[field]?.arrayValue
        var incoming: [JSON]?
        switch patch[field] {
        case nil: incoming = nil
        case .array(let items)?: incoming = items
        case let other?:
            throw PatchError("\(Self.describe(fieldPath)): must be a list to go with $setElementOrder, not a \(other.typeName)")
        }
        let merged: (items: [JSON], liveOrder: [JSON])
        switch (current, incoming) {
        case (nil, nil): return
        case (let current?, nil): merged = (current, current)
        case (let current, let items?):
            try Self.checkOrder(of: items, against: orderList, mergeKey: mergeKey, at: fieldPath)
            merged = try mergeListFieldKeepingOrder(current ?? [], items, rule: rule, at: fieldPath)
        }
        result[field] = .array(Self.ordered(merged.items, by: orderList, serverOrder: merged.liveOrder, mergeKey: mergeKey))
    }

    static func child(_ path: String, _ field: String) -> String {
        path.isEmpty ? field : "\(path).\(field)"
    }

    static func describe(_ path: String) -> String {
        path.isEmpty ? "the patch" : "field \"\(path)\""
    }
}
