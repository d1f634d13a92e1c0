import Foundation

/// The wall clock. The one place that reads `Date()` and sleeps for real.
public struct SystemClock: TimeSource {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSince(Date())
        if seconds > 0 {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        } else {
            try Task.checkCancellation()
        }
    }
}
