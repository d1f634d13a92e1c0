import Foundation

extension KubeconfigDocument {
    /// Parses block-style kubeconfig text; throws `CLIError.local` for layouts it cannot merge.
    init(parsing text: String) throws {
        var entries: [Entry] = []
        var current: (key: String, lines: [String])?
        func close() throws {
            guard let open = current else { return }
            entries.append(try Self.entry(key: open.key, lines: open.lines))
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if Self.isTopLevelKey(line), let colon = line.firstIndex(of: ":") {
                try close()
                current = (String(line[..<colon]), [line])
            } else if current != nil {
                current?.lines.append(line)
            } else if !Self.isBlankOrComment(line) {
                throw CLIError.local("cannot merge into this kubeconfig: unexpected line `\(line)`")
            }
        }
        try close()
        self.init(entries: entries)
    }

    private static func isTopLevelKey(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return first != " " && first != "-" && first != "#" && line.contains(":")
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "---"
    }

    private static func entry(key: String, lines: [String]) throws -> Entry {
        guard listKeys.contains(key) else {
            var block = lines
            while let last = block.last, isBlankOrComment(last), block.count > 1 { block.removeLast() }
            return .block(key: key, lines: block)
        }
        let inline = lines[0].dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        guard inline.isEmpty || ["[]", "null", "~"].contains(inline) else {
            throw CLIError.local("cannot merge into this kubeconfig: `\(key)` is not a block list")
        }
        return .list(key: key, items: try items(Array(lines.dropFirst())))
    }

    /// Splits a list's lines at its dashes and moves each item to column 0.
    private static func items(_ lines: [String]) throws -> [Item] {
        let content = lines.filter { !isBlankOrComment($0) }
        guard let first = content.first else { return [] }
        let indent = first.prefix(while: { $0 == " " }).count
        guard first.dropFirst(indent).hasPrefix("-") else {
            throw CLIError.local("cannot merge into this kubeconfig: list item `\(first)` has no dash")
        }
        var items: [Item] = []
        for line in content {
            let leading = line.prefix(while: { $0 == " " }).count
            guard leading >= indent else {
                throw CLIError.local("cannot merge into this kubeconfig: `\(line)` is indented less than its list")
            }
            let shifted = String(line.dropFirst(indent))
            if leading == indent && shifted.hasPrefix("-") {
                items.append(Item(lines: [shifted]))
            } else {
                items[items.count - 1].lines.append(shifted)
            }
        }
        return items
    }
}
