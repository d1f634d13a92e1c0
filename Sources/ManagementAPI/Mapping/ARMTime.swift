import Foundation

/// Instants as the API prints them: RFC 3339 with fractional seconds.
enum ARMTime {
    static func string(from date: Date) -> String {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return format.string(from: date)
    }
}
