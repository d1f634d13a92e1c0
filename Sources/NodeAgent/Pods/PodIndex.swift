import Foundation
import KubeAPI

/// The host's in-memory view of the pods bound to nodes, fed by its one pod watch, so that
/// ticks never list pods. Also allocates pod IPs from each node's pod CIDR.
struct PodIndex {
    struct Entry {
        var object: JSON
        var node: String
        var revision: Int64
        /// The stage that selected the pod and since when (delays count from there).
        var stage: String?
        var stageSince: Date?
        /// When a delayed stage falls due, or a failed write should be retried.
        var dueAt: Date?
        /// The address allocated for the pod before its Running status was written.
        var ip: String?
    }

    private(set) var entries: [String: Entry] = [:]
    private var byNode: [String: Set<String>] = [:]
    private var usedHosts: [String: Set<Int>] = [:]

    var count: Int { entries.count }

    /// Pods waiting for a delayed stage or a retry, so a tick looks only at those.
    private var waiting: Set<String> = []

    subscript(uid: String) -> Entry? {
        get { entries[uid] }
        set {
            guard let newValue, entries[uid] != nil else { return }
            entries[uid] = newValue
            if newValue.dueAt == nil { waiting.remove(uid) } else { waiting.insert(uid) }
        }
    }

    func uids(on node: String) -> Set<String> { byNode[node] ?? [] }

    /// Uids whose delayed stage or retry is due at `now`.
    func due(at now: Date) -> [String] {
        waiting.filter { uid in entries[uid]?.dueAt.map { $0 <= now } == true }
    }

    /// Records the newest state of a pod; older revisions than the one held are ignored.
    /// Returns the uid when the pod is bound to a node (and so is indexed).
    @discardableResult
    mutating func upsert(_ pod: JSON, revision: Int64) -> String? {
        guard let uid = pod[path: ["metadata", "uid"]]?.stringValue,
            let node = pod[path: ["spec", "nodeName"]]?.stringValue, !node.isEmpty
        else { return nil }
        if var entry = entries[uid] {
            guard revision >= entry.revision else { return uid }
            entry.object = pod
            entry.revision = revision
            entries[uid] = entry
        } else {
            entries[uid] = Entry(object: pod, node: node, revision: revision)
            byNode[node, default: []].insert(uid)
        }
        if let ip = pod[path: ["status", "podIP"]]?.stringValue, let host = Self.hostNumber(ip), !isHostNetwork(pod) {
            usedHosts[node, default: []].insert(host)
        }
        return uid
    }

    mutating func remove(uid: String) {
        guard let entry = entries.removeValue(forKey: uid) else { return }
        waiting.remove(uid)
        byNode[entry.node]?.remove(uid)
        guard !isHostNetwork(entry.object) else { return }
        for ip in [entry.ip, entry.object[path: ["status", "podIP"]]?.stringValue].compactMap({ $0 }) {
            if let host = Self.hostNumber(ip) { usedHosts[entry.node]?.remove(host) }
        }
    }

    /// Replaces the whole index with a fresh list (after the watch restarts).
    mutating func reset(_ pods: [JSON], revision: Int64) {
        entries = [:]
        waiting = []
        byNode = [:]
        usedHosts = [:]
        for pod in pods { upsert(pod, revision: revision) }
    }

    /// The pod's IP: kept if it has one, the node's IP for host-network pods, else the lowest
    /// free address of the node's `/24` pod CIDR.
    mutating func address(for uid: String, podCIDR: String, hostIP: String) -> String? {
        guard let entry = entries[uid] else { return nil }
        if isHostNetwork(entry.object) { return hostIP }
        if let ip = entry.object[path: ["status", "podIP"]]?.stringValue ?? entry.ip { return ip }
        let prefix = podCIDR.split(separator: "/").first.map { $0.split(separator: ".").prefix(3).joined(separator: ".") } ?? ""
        guard !prefix.isEmpty else { return nil }
        var used = usedHosts[entry.node] ?? []
        guard let host = (2...254).first(where: { !used.contains($0) }) else { return nil }
        used.insert(host)
        usedHosts[entry.node] = used
        entries[uid]?.ip = "\(prefix).\(host)"
        return "\(prefix).\(host)"
    }

    private func isHostNetwork(_ pod: JSON) -> Bool { pod[path: ["spec", "hostNetwork"]]?.boolValue == true }

    private static func hostNumber(_ ip: String) -> Int? {
        ip.split(separator: ".").last.flatMap { Int($0) }
    }
}
