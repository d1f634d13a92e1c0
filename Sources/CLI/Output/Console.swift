import Foundation

/// The process's standard output and error, the only places commands write to.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
    }

    /// Reads one answer from stdin; nil when stdin is closed.
    static func ask(_ question: String) -> String? {
        error(question, newline: false)
        return readLine()
    }
}
