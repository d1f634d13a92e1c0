import ArgumentParser

/// A `key=value` argument, as `--tags` and `--labels` take them (`az` syntax: `--tags a=b c=d`).
/// `key=` sets an empty value; a bare `key` is rejected.
struct KeyValue: ExpressibleByArgument, Equatable, Sendable {
    var key: String
    var value: String

    init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        let key = String(argument[..<equals])
        guard !key.isEmpty else { return nil }
        self.init(key: key, value: String(argument[argument.index(after: equals)...]))
    }

    static var defaultValueDescription: String { "key=value" }

    /// The pairs as a dictionary; a later pair wins over an earlier one with the same key.
    static func dictionary(_ pairs: [KeyValue]) -> [String: String] {
        Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}
