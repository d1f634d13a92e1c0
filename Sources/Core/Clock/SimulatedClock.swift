import Foundation
import Synchronization

/// A clock the provider can move forward. In `.wallSpeed` mode it also runs with the wall
/// clock (`hm serve --clock simulated`); in `.manual` mode it moves only when told (tests).
///
/// `advance(by:)` jumps in steps: every timer that falls due inside the jump fires in
/// deadline order, at its own instant, and what it schedules in turn fires too if it falls
/// inside the jump. So "30 days later" runs every 30-minute backup of those days.
public final class SimulatedClock: TimeSource, @unchecked Sendable {
    public enum Mode: Sendable { case wallSpeed, manual }

    private struct Sleeper {
        let id: UInt64
        let deadline: Date
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var offset: TimeInterval
        var manualNow: Date
        var sleepers: [UInt64: Sleeper] = [:]
        var nextID: UInt64 = 0
    }

    public let mode: Mode
    private let wall = SystemClock()
    private let state: Mutex<State>
    /// Serialises concurrent `advance` calls.
    private let advancing = AsyncSerialGate()

    public init(mode: Mode, start: Date? = nil) {
        self.mode = mode
        let base = start ?? SystemClock().now()
        self.state = Mutex(State(offset: base.timeIntervalSince(SystemClock().now()), manualNow: base))
    }

    public func now() -> Date {
        state.withLock { Self.now(of: $0, mode: mode, wall: wall) }
    }

    private static func now(of state: State, mode: Mode, wall: SystemClock) -> Date {
        switch mode {
        case .wallSpeed: return wall.now().addingTimeInterval(state.offset)
        case .manual: return state.manualNow
        }
    }

    public func sleep(until deadline: Date) async throws {
        let id = state.withLock { s -> UInt64 in
            s.nextID += 1
            return s.nextID
        }
        // A wall-speed clock also wakes sleepers as wall time passes.
        let wallWaker: Task<Void, Never>? =
            mode == .wallSpeed
            ? Task { [weak self] in
                guard let self else { return }
                while !Task.isCancelled {
                    let remaining = deadline.timeIntervalSince(self.now())
                    if remaining <= 0 { break }
                    try? await self.wall.sleep(seconds: min(remaining, 1))
                }
                if !Task.isCancelled { self.fire(id: id) }
            } : nil
        defer { wallWaker?.cancel() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // A task cancelled before this point had its `onCancel` run with nothing to
                // remove: it must not register, or a manual clock would hold it forever.
                let outcome = state.withLock { s -> Result<Bool, CancellationError> in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if Self.now(of: s, mode: mode, wall: wall) >= deadline { return .success(true) }
                    s.sleepers[id] = Sleeper(id: id, deadline: deadline, continuation: continuation)
                    return .success(false)
                }
                switch outcome {
                case .failure(let error): continuation.resume(throwing: error)
                case .success(true): continuation.resume()
                case .success(false): break
                }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    private func fire(id: UInt64) {
        let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
        sleeper?.continuation.resume()
    }

    /// Moves the clock forward by `seconds`, firing every timer due inside the jump in order.
    public func advance(by seconds: TimeInterval) async {
        precondition(seconds >= 0, "a clock only moves forward")
        await advancing.run {
            let target = self.now().addingTimeInterval(seconds)
            while true {
                let due = self.state.withLock { s -> Sleeper? in
                    let next = s.sleepers.values.filter { $0.deadline <= target }.min { $0.deadline < $1.deadline }
                    guard let next else { return nil }
                    s.sleepers.removeValue(forKey: next.id)
                    self.move(&s, to: next.deadline)
                    return next
                }
                guard let due else { break }
                due.continuation.resume()
                // Let the woken task run and schedule its next timer before moving on.
                await Self.settle()
            }
            self.state.withLock { self.move(&$0, to: target) }
            await Self.settle()
        }
    }

    private func move(_ s: inout State, to instant: Date) {
        switch mode {
        case .manual:
            if instant > s.manualNow { s.manualNow = instant }
        case .wallSpeed:
            let current = wall.now().addingTimeInterval(s.offset)
            if instant > current { s.offset += instant.timeIntervalSince(current) }
        }
    }

    /// Gives woken tasks a moment to run: a few scheduler turns and a short wall pause.
    private static func settle() async {
        for _ in 0..<8 { await Task.yield() }
        try? await SystemClock().sleep(seconds: 0.002)
    }

    /// Number of tasks waiting on this clock (for tests awaiting quiescence).
    public var pendingTimers: Int { state.withLock { $0.sleepers.count } }
}

/// Runs async closures one at a time.
actor AsyncSerialGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func run(_ body: @Sendable () async -> Void) async {
        while busy {
            await withCheckedContinuation { waiters.append($0) }
        }
        busy = true
        await body()
        busy = false
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }
}
