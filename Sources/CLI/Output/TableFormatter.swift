/// Renders rows the way `az ... -o table` does (tabulate's "simple" format): a header, a dashed
/// rule, each column as wide as its widest cell or its header plus two, columns separated by two
/// spaces, everything left-aligned. `tsv` is the same cells without the header.
enum TableFormatter {
    static func table(columns: [String], rows: [[String]]) -> String {
        let widths = columns.indices.map { index in
            rows.reduce(columns[index].count + 2) { max($0, $1[safe: index].count) }
        }
        func line(_ cells: [String]) -> String {
            let padded = columns.indices.map { index in
                let cell = cells[safe: index]
                return cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            // Trailing blanks carry no information and upset diffs.
            var line = padded.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
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
