import Foundation

/// The only way Harbormaster reads time or waits (DESIGN: time is injected).
public protocol TimeSource: Sendable {
    /// The current instant on this clock.
    func now() -> Date
    /// Suspends until the clock reaches `deadline`; throws `CancellationError` when cancelled.
    func sleep(until deadline: Date) async throws
}

extension TimeSource {
    /// Suspends for `seconds` of this clock's time.
    public func sleep(seconds: Double) async throws {
        try await sleep(until: now().addingTimeInterval(seconds))
    }
}
