import Core
import Foundation
import Synchronization
import Testing

/// Records the instants at which timers fired.
actor FiringLog {
    var instants: [Date] = []
    func record(_ date: Date) { instants.append(date) }
}

@Suite("The simulated clock")
struct SimulatedClockTests {
    @Test("a manual clock moves only when advanced")
    func manualStandsStill() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = SimulatedClock(mode: .manual, start: start)
        #expect(clock.now() == start)
        await clock.advance(by: 90)
        #expect(clock.now() == start.addingTimeInterval(90))
    }

    @Test("a jump of a day fires every 30-minute timer of that day, each at its own instant")
    func periodicTimersFireInsideAJump() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = SimulatedClock(mode: .manual, start: start)
        let log = FiringLog()
        let task = Task {
            while true {
                try await clock.sleep(seconds: 1800)
                await log.record(clock.now())
            }
        }
        while clock.pendingTimers == 0 { await Task.yield() }
        await clock.advance(by: 86_400)
        task.cancel()
        let instants = await log.instants
        #expect(instants.count == 48)
        #expect(instants.first == start.addingTimeInterval(1800))
        #expect(instants.last == start.addingTimeInterval(86_400))
        #expect(zip(instants, instants.dropFirst()).allSatisfy { $1.timeIntervalSince($0) == 1800 })
    }

    @Test("timers due inside a jump fire in deadline order")
    func order() async throws {
        let clock = SimulatedClock(mode: .manual, start: Date(timeIntervalSince1970: 0))
        let log = FiringLog()
        var tasks: [Task<Void, any Error>] = []
        for delay in [300.0, 100, 200] {
            tasks.append(Task {
                try await clock.sleep(seconds: delay)
                await log.record(clock.now())
            })
        }
        while clock.pendingTimers < 3 { await Task.yield() }
        await clock.advance(by: 1000)
        for task in tasks { try await task.value }
        #expect(await log.instants.map(\.timeIntervalSince1970) == [100, 200, 300])
    }

    @Test("a cancelled sleeper stops waiting")
    func cancellation() async throws {
        let clock = SimulatedClock(mode: .manual)
        let task = Task { try await clock.sleep(seconds: 3600) }
        while clock.pendingTimers == 0 { await Task.yield() }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.pendingTimers == 0)
    }

    @Test("a task cancelled before it sleeps does not wait on a manual clock (shutdown stops at once)")
    func cancelledBeforeSleeping() async throws {
        let clock = SimulatedClock(mode: .manual)
        let finished = Mutex(false)
        let task = Task {
            defer { finished.withLock { $0 = true } }
            withUnsafeCurrentTask { $0?.cancel() }
            try await clock.sleep(seconds: 3600)
        }
        // Before the fix the sleeper registered and waited for an advance that never came.
        while !finished.withLock({ $0 }) && clock.pendingTimers == 0 { await Task.yield() }
        #expect(clock.pendingTimers == 0, "a cancelled task registered a timer")
        if clock.pendingTimers > 0 { await clock.advance(by: 3600) }  // free it so the test ends
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test("a wall-speed clock runs with real time and jumps on advance")
    func wallSpeed() async throws {
        let clock = SimulatedClock(mode: .wallSpeed)
        let wall = SystemClock()
        let (before, wallBefore) = (clock.now(), wall.now())
        await clock.advance(by: 30 * 86_400)
        let jumped = clock.now().timeIntervalSince(before)
        // The jump plus the wall time that passed meanwhile (a loaded machine may take seconds).
        let elapsed = wall.now().timeIntervalSince(wallBefore)
        #expect(jumped >= 30 * 86_400 && jumped <= 30 * 86_400 + elapsed + 0.01)
    }
}
