import Foundation
import KubeAPI

/// One simulated kubelet: its state, held by its host. Decisions compare service-clock instants,
/// so a clock jump of any size causes at most one renewal and one status post per tick.
struct Kubelet {
    var spec: NodeAgentSpec
    let client: KubeClient
    /// Changes at every (re-)registration, as a node's boot id does after a VM start.
    var bootID: String
    var registered = false
    var nodeUID = ""
    var podCIDR: String
    var leaseRenewedAt: Date?
    var statusPostedAt: Date?
    /// The conditions last posted (nil: none yet, or the kubelet restarted).
    var posted: [String: NodeConditionState]?
    /// When each condition last changed status, for `lastTransitionTime`.
    var transitions: [String: Date] = [:]

    /// What the agent must write on a tick at `now`.
    struct Due: Equatable {
        var register = false
        var renewLease = false
        var postStatus = false
        var any: Bool { register || renewLease || postStatus }
    }

    func due(at now: Date, conditions: [String: NodeConditionState], settings: NodeAgentSettings) -> Due {
        guard registered else { return Due(register: true, renewLease: true, postStatus: true) }
        var due = Due()
        if let renewed = leaseRenewedAt {
            due.renewLease = now.timeIntervalSince(renewed) >= settings.leaseRenewInterval
        } else {
            due.renewLease = true
        }
        if posted != conditions {
            due.postStatus = true
        } else if let postedAt = statusPostedAt {
            due.postStatus = now.timeIntervalSince(postedAt) >= settings.statusReportFrequency
        } else {
            due.postStatus = true
        }
        return due
    }

    /// The status to post now; records transition times of conditions whose status changed.
    mutating func status(conditions: [String: NodeConditionState], now: Date) -> JSON {
        for (type, state) in conditions where posted?[type]?.status != state.status || transitions[type] == nil {
            transitions[type] = now
        }
        return NodeObject.status(spec, conditions: NodeConditions.json(conditions, since: transitions, now: now), bootID: bootID)
    }

    /// After a silent period (kubelet restarted, VM started): post at once, fresh transitions.
    mutating func restarted() {
        posted = nil
        transitions = [:]
        statusPostedAt = nil
    }

    var isReady: Bool { registered && posted?["Ready"]?.status == "True" }
}
