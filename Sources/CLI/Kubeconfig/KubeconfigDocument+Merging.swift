extension KubeconfigDocument {
    /// `other` merged into this document as `az aks get-credentials` does: its clusters, contexts
    /// and users replace same-named ones or are appended, and its current-context becomes current.
    func merging(_ other: KubeconfigDocument) -> KubeconfigDocument {
        var merged = self
        for entry in other.entries {
            switch entry {
            case .list(let key, let items):
                merged.upsert(items, into: key)
            case .block(let key, let lines) where key == "current-context":
                merged.replaceBlock(key: key, lines: lines)
            case .block(let key, let lines):
                if !merged.entries.contains(where: { $0.key == key }) {
                    merged.entries.append(.block(key: key, lines: lines))
                }
            }
        }
        return merged
    }

    private mutating func upsert(_ items: [Item], into key: String) {
        guard let index = entries.firstIndex(where: { $0.key == key }), case .list(_, var existing) = entries[index]
        else {
            entries.append(.list(key: key, items: items))
            return
        }
        for item in items {
            if let name = item.name, let at = existing.firstIndex(where: { $0.name == name }) {
                existing[at] = item
            } else {
                existing.append(item)
            }
        }
        entries[index] = .list(key: key, items: existing)
    }

    private mutating func replaceBlock(key: String, lines: [String]) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index] = .block(key: key, lines: lines)
        } else {
            entries.append(.block(key: key, lines: lines))
        }
    }

    /// The document as YAML text, lists in kubectl's column-0 style.
    var text: String {
        var lines: [String] = []
        for entry in entries {
            switch entry {
            case .block(_, let block):
                lines += block
            case .list(let key, let items):
                lines.append(items.isEmpty ? "\(key): []" : "\(key):")
                lines += items.flatMap(\.lines)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
