/// The `\r- Running .. (12s) provisioningState=Creating` line on stderr while an operation runs.
struct ProgressLine: Sendable {
    private(set) var shown = false

    static func text(elapsedSeconds: Int, state: String?) -> String {
        "- Running .. (\(elapsedSeconds)s)" + (state.map { " provisioningState=\($0)" } ?? "")
    }

    mutating func show(elapsedSeconds: Int, state: String?) {
        // Trailing spaces wipe the end of a longer previous line.
        Console.error("\r" + Self.text(elapsedSeconds: elapsedSeconds, state: state) + "    ", newline: false)
        shown = true
    }

    /// Ends the line so the result starts on a fresh one.
    mutating func finish() {
        if shown { Console.error("") }
        shown = false
    }
}
