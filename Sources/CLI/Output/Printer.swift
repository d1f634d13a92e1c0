import Foundation

/// Prints a command's result on stdout in the chosen format.
enum Printer {
    static func emit<Value: Encodable & TableRow>(_ value: Value, as format: OutputFormat) {
        Console.out(render(value, as: format))
    }

    static func emit<Value: Encodable & TableRow>(_ values: [Value], as format: OutputFormat) {
        Console.out(render(values, as: format))
    }

    static func render<Value: Encodable & TableRow>(_ value: Value, as format: OutputFormat) -> String {
        render(json: value, columns: Value.columns, rows: [value.cells], as: format)
    }

    static func render<Value: Encodable & TableRow>(_ values: [Value], as format: OutputFormat) -> String {
        render(json: values, columns: Value.columns, rows: values.map(\.cells), as: format)
    }

    /// `json` prints `json` pretty; `table` and `tsv` print `rows` under `columns`.
    static func render(json: some Encodable, columns: [String], rows: [[String]], as format: OutputFormat) -> String {
        switch format {
        case .json: return Self.json(json)
        case .table: return TableFormatter.table(columns: columns, rows: rows)
        case .tsv: return TableFormatter.tsv(rows: rows)
        }
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
