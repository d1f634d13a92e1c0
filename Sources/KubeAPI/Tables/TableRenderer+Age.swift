import Foundation

extension TableRenderer {
    /// kubectl's age format (apimachinery `duration.HumanDuration`): about two significant
    /// figures, e.g. `90s`, `2m30s`, `45m`, `4h10m`, `20h`, `3d4h`, `30d`, `2y15d`.
    /// More than a second in the future is `<invalid>`; up to a second is `0s` (clock skew).
    public static func humanDuration(seconds: Int64) -> String {
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 60 * 2 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 {
            let s = seconds % 60
            return s == 0 ? "\(minutes)m" : "\(minutes)m\(s)s"
        }
        if minutes < 60 * 3 { return "\(minutes)m" }
        let hours = seconds / 3600
        if hours < 8 {
            let m = minutes % 60
            return m == 0 ? "\(hours)h" : "\(hours)h\(m)m"
        }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 {
            let h = hours % 24
            return h == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(h)h"
        }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 {
            let days = (hours / 24) % 365
            return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
        }
        return "\(hours / 24 / 365)y"
    }

    /// The age of a timestamp at `now`, or `<unknown>` when it is missing or unreadable.
    static func age(of timestamp: JSON?, now: Date) -> String {
        guard let text = timestamp?.stringValue, let date = Timestamp.parse(text) else { return "<unknown>" }
        let elapsed = now.timeIntervalSince(date)
        guard elapsed.isFinite, abs(elapsed) < 9e15 else { return "<unknown>" }
        // Go truncates toward zero (`int(d.Seconds())`); so does this conversion.
        return humanDuration(seconds: Int64(elapsed))
    }
}
