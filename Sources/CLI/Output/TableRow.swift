/// A value that prints as one row of a table (`-o table`, `-o tsv`).
protocol TableRow {
    static var columns: [String] { get }
    var cells: [String] { get }
}

extension Optional where Wrapped == String {
    /// The value, or "" as `az` prints a missing field.
    var cell: String { self ?? "" }
}

extension Optional where Wrapped == Int {
    var cell: String { map(String.init) ?? "" }
}
