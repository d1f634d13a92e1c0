import Foundation

/// A kubeconfig file as text blocks, enough to merge one into another the way `az aks
/// get-credentials` does without a YAML library: the named lists (`clusters`, `contexts`,
/// `users`) are split into items keyed by `name`, each item kept verbatim; every other
/// top-level key is one opaque block. Handles the block style kubectl and the service write.
struct KubeconfigDocument: Equatable {
    /// A top-level entry: an opaque block, or a named list.
    enum Entry: Equatable {
        case block(key: String, lines: [String])
        case list(key: String, items: [Item])

        var key: String {
            switch self {
            case .block(let key, _), .list(let key, _): return key
            }
        }
    }

    /// One `- ...` element of a list, re-indented so its dash is in column 0.
    struct Item: Equatable {
        var lines: [String]
        /// The element's `name:` (on the dash line or one level in).
        var name: String? {
            for line in lines {
                let body = line.hasPrefix("- ") ? String(line.dropFirst(2)) : line
                guard body.hasPrefix("name:") || line.hasPrefix("  name:") else { continue }
                let value = body.drop(while: { $0 == " " }).dropFirst("name:".count)
                return KubeconfigDocument.unquote(String(value))
            }
            return nil
        }
    }

    static let listKeys: Set<String> = ["clusters", "contexts", "users"]

    var entries: [Entry]

    /// The `current-context` value, if any.
    var currentContext: String? {
        for case .block(let key, let lines) in entries where key == "current-context" {
            return Self.unquote(String(lines[0].dropFirst("current-context:".count)))
        }
        return nil
    }

    static func unquote(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}
