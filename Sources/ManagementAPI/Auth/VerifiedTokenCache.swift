import Foundation
import Synchronization

/// Remembers tokens that passed verification for a short while, so a busy client does not
/// pay a signature check and a grant read on every request. An entry lives at most
/// `lifetime` seconds of the service clock and never past the token's own expiry, so a
/// revoked grant stops working within `lifetime`.
final class VerifiedTokenCache: Sendable {
    private struct Entry {
        let principal: Principal
        let validUntil: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    let lifetime: TimeInterval
    let capacity: Int

    init(lifetime: TimeInterval = 30, capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func principal(for token: String, at now: Date) -> Principal? {
        entries.withLock { entries in
            guard let entry = entries[token] else { return nil }
            if entry.validUntil <= now {
                entries[token] = nil
                return nil
            }
            return entry.principal
        }
    }

    func remember(_ principal: Principal, for token: String, tokenExpiry: Date, now: Date) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[token] = Entry(principal: principal, validUntil: min(tokenExpiry, now.addingTimeInterval(lifetime)))
        }
    }
}
