extension StrategicMerge {
    /// A list field: merged when its rule says `patchStrategy: merge`, otherwise replaced by the
    /// patch's list (elements carrying `$patch` dropped).
    func mergeListField(
        _ original: [JSON], _ patch: [JSON], rule: PatchFieldRule?, at path: String
    ) throws(PatchError) -> [JSON] {
        try mergeListFieldKeepingOrder(original, patch, rule: rule, at: path).items
    }

    /// The merged list, and the live order `$setElementOrder` interleaves server-only elements by.
    func mergeListFieldKeepingOrder(
        _ original: [JSON], _ patch: [JSON], rule: PatchFieldRule?, at path: String
    ) throws(PatchError) -> (items: [JSON], liveOrder: [JSON]) {
        if let rule, rule.strategy.mergesLists {
            return try mergeList(original, patch, rule: rule, at: path)
        }
        var replacement: [JSON] = []
        for (index, item) in patch.enumerated() {
            switch item {
            case .object(let members):
                // An element carrying a directive has no place in a replaced list (`removeDirectives`).
                if members[Directive.patch] != nil { continue }
                if let value = try mergeObject([:], members, type: rule?.type, at: "\(path)[\(index)]") {
                    replacement.append(.object(value))
                }
            case .array(let inner):
                replacement.append(.array(try mergeListField([], inner, rule: nil, at: "\(path)[\(index)]")))
            default:
                replacement.append(item)
            }
        }
        return (replacement, original)
    }

    /// `mergeSlice`: primitives are unioned; objects are matched by the merge key and merged, new
    /// ones added, `{"$patch": "delete", key: v}` removes, `{"$patch": "replace"}` replaces the list.
    /// The result is put in order by `ordered`.
    private func mergeList(
        _ original: [JSON], _ patch: [JSON], rule: PatchFieldRule, at path: String
    ) throws(PatchError) -> (items: [JSON], liveOrder: [JSON]) {
        if original.isEmpty && patch.isEmpty { return (original, original) }
        let ofObjects = try Self.holdsObjects(original + patch, at: path)
        guard ofObjects else {
            var union = original
            for item in patch where !union.contains(where: { $0.isEquivalent(to: item) }) { union.append(item) }
            return (Self.ordered(union, by: patch, serverOrder: original, mergeKey: nil), original)
        }
        guard let mergeKey = rule.mergeKey else {
            throw PatchError("\(Self.describe(path)): a list of objects without a merge key cannot be merged")
        }
        var server = original
        var additions: [(index: Int, members: [String: JSON])] = []
        var replace = false
        for (index, item) in patch.enumerated() {
            guard case .object(let members) = item else { continue }
            guard let directive = members[Directive.patch] else {
                additions.append((index, members))
                continue
            }
            switch directive {
            case "delete":
                guard let doomed = members[mergeKey] else { throw Self.noMergeKey(mergeKey, at: "\(path)[\(index)]") }
                server.removeAll { $0[mergeKey]?.isEquivalent(to: doomed) ?? false }
            case "replace":
                replace = true
            default:
                throw PatchError(
                    "\(Self.describe("\(path)[\(index)]")): unsupported $patch value \(directive.excerpt) in a list; use \"delete\" or \"replace\""
                )
            }
        }
        if replace {
            var replacement: [JSON] = []
            for (index, members) in additions {
                if let value = try mergeObject([:], members, type: rule.type, at: "\(path)[\(index)]") {
                    replacement.append(.object(value))
                }
            }
            return (replacement, original)
        }
        var merged = server
        var appended: [JSON] = []
        for (index, members) in additions {
            let elementPath = "\(path)[\(index)]"
            guard let key = members[mergeKey] else { throw Self.noMergeKey(mergeKey, at: elementPath) }
            let match = merged.firstIndex { $0[mergeKey]?.isEquivalent(to: key) ?? false }
            if let match, case .object(let existing) = merged[match] {
                merged[match] = .object(try mergeObject(existing, members, type: rule.type, at: elementPath) ?? [:])
            } else if let value = try mergeObject([:], members, type: rule.type, at: elementPath) {
                merged.append(.object(value))
                appended.append(.object(value))
            }
        }
        let ordered = Self.ordered(merged, by: additions.map { .object($0.members) }, serverOrder: server, mergeKey: mergeKey)
        // The live order as the API server's apimachinery sees it afterwards: the list after
        // deletions, with new elements in the slots the deleted ones freed (it reuses the slice).
        return (ordered, server + appended.prefix(original.count - server.count))
    }

    /// `normalizeElementOrder`: the elements named in `order` come in that order; the others keep
    /// their order in `serverOrder` and are interleaved by their live positions.
    static func ordered(_ merged: [JSON], by order: [JSON], serverOrder: [JSON], mergeKey: String?) -> [JSON] {
        func identity(_ item: JSON) -> JSON? { mergeKey.map { item[$0] } ?? item }
        func position(_ item: JSON, in list: [JSON]) -> Int? {
            guard let id = identity(item) else { return nil }
            return list.firstIndex { identity($0)?.isEquivalent(to: id) ?? false }
        }
        func sorted(_ items: [JSON], by list: [JSON]) -> [JSON] {
            items.enumerated()
                .map { (position: position($0.element, in: list) ?? Int.max, offset: $0.offset, item: $0.element) }
                .sorted { ($0.position, $0.offset) < ($1.position, $1.offset) }
                .map(\.item)
        }
        let named = sorted(merged.filter { position($0, in: order) != nil }, by: order)
        let serverOnly = sorted(merged.filter { position($0, in: order) == nil }, by: serverOrder)
        var result: [JSON] = []
        var (left, right) = (0, 0)
        while left < serverOnly.count || right < named.count {
            let takeServerOnly: Bool
            if right >= named.count {
                takeServerOnly = true
            } else if left >= serverOnly.count {
                takeServerOnly = false
            } else if let l = position(serverOnly[left], in: serverOrder), let r = position(named[right], in: serverOrder) {
                takeServerOnly = l < r
            } else {
                takeServerOnly = false
            }
            if takeServerOnly {
                result.append(serverOnly[left])
                left += 1
            } else {
                result.append(named[right])
                right += 1
            }
        }
        return result
    }

    /// `validatePatchWithSetOrderList`: the patch's elements must appear in `$setElementOrder`
    /// in the same relative order.
    static func checkOrder(of patch: [JSON], against order: [JSON], mergeKey: String?, at path: String) throws(PatchError) {
        func identity(_ item: JSON) -> JSON? { mergeKey.map { item[$0] } ?? item }
        var orderIndex = 0
        for (index, element) in patch.enumerated() where element[Directive.patch] == nil {
            if let mergeKey, element[mergeKey] == nil { throw noMergeKey(mergeKey, at: "\(path)[\(index)]") }
            let id = identity(element)
            while orderIndex < order.count, !(id.map { identity(order[orderIndex])?.isEquivalent(to: $0) ?? false } ?? false) {
                orderIndex += 1
            }
            guard orderIndex < order.count else {
                throw PatchError(
                    "\(describe(path)): element \(element.excerpt) is missing from, or out of order in, its $setElementOrder list"
                )
            }
            orderIndex += 1
        }
    }

    /// Whether a merged list holds objects (true) or primitives (false); mixed lists and lists
    /// of lists cannot be merged.
    static func holdsObjects(_ items: [JSON], at path: String) throws(PatchError) -> Bool {
        let objects = items.filter { $0.objectValue != nil }.count
        if items.contains(where: { $0.arrayValue != nil }) {
            throw PatchError("\(describe(path)): lists of lists cannot be merged")
        }
        if objects != 0 && objects != items.count {
            throw PatchError("\(describe(path)): the list mixes objects and other values, so it cannot be merged")
        }
        return objects > 0
    }

    static func noMergeKey(_ mergeKey: String, at path: String) -> PatchError {
        PatchError("\(describe(path)): the element has no merge key \"\(mergeKey)\"")
    }
}
