import Foundation

extension Date {
    /// The UTC day, `2026-03-31`, as reasons quote dates.
    var policyDay: String {
        formatted(.iso8601.year().month().day())
    }
}
