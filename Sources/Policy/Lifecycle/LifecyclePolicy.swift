import Foundation

/// The time limits of POLICY section D, as data. `standard` holds the policy's numbers;
/// `decisions(facts:findings:now:)` turns them into stop, delete and archive actions.
public struct LifecyclePolicy: Sendable, Equatable {
    /// L1: a stopped cluster is deleted after this many months.
    public var stoppedRetentionMonths: Int
    /// L2: a cluster whose nodes were all deallocated through IaaS is stopped this many days
    /// after the L2 finding was first seen.
    public var deallocatedStopDays: Int
    /// L3: a cluster with no Ready node and no running VM is stopped after this many days.
    public var zeroReadyStopDays: Int
    /// L4: a control plane out of support this many days may be archived.
    public var outOfSupportArchiveDays: Int
    /// L5: a cluster in a suspended subscription is deleted after this many days.
    public var suspendedDeleteDays: Int

    public init(
        stoppedRetentionMonths: Int, deallocatedStopDays: Int, zeroReadyStopDays: Int,
        outOfSupportArchiveDays: Int, suspendedDeleteDays: Int
    ) {
        self.stoppedRetentionMonths = stoppedRetentionMonths
        self.deallocatedStopDays = deallocatedStopDays
        self.zeroReadyStopDays = zeroReadyStopDays
        self.outOfSupportArchiveDays = outOfSupportArchiveDays
        self.suspendedDeleteDays = suspendedDeleteDays
    }

    /// The numbers in `spec/POLICY.md`.
    public static let standard = LifecyclePolicy(
        stoppedRetentionMonths: 12, deallocatedStopDays: 30, zeroReadyStopDays: 30,
        outOfSupportArchiveDays: 30, suspendedDeleteDays: 90)

    /// `days` whole days of 86,400 seconds after `date`.
    public func adding(days: Int, to date: Date) -> Date {
        date.addingTimeInterval(TimeInterval(days) * 86_400)
    }

    /// `months` calendar months after `date`, counted in UTC so the result does not depend
    /// on the machine's time zone.
    public func adding(months: Int, to date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: months, to: date)!
    }
}
