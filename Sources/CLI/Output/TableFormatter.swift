/// Renders rows the way `az ... -o table` does: a header, a dashed rule, columns padded to
/// their widest cell and separated by two spaces. `tsv` is the same cells without the header.
enum TableFormatter {
    static func table(columns: [String], rows: [[String]]) -> String {
        let widths = columns.indices.map { index in
            rows.reduce(columns[index].count) { max($0, $1[safe: index].count) }
        }
        func line(_ cells: [String]) -> String {
            let padded = columns.indices.map { index in
                let cell = cells[safe: index]
                return index == columns.count - 1
                    ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            return padded.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(columns), rule] + rows.map(line)).joined(separator: "\n")
    }

    static func tsv(rows: [[String]]) -> String {
        rows.map { $0.joined(separator: "\t") }.joined(separator: "\n")
    }
}

extension Array where Element == String {
    /// The cell at `index`, or "" past the end.
    fileprivate subscript(safe index: Int) -> String { indices.contains(index) ? self[index] : "" }
}
