/// Where one cluster's data lives in a shared etcd (docs/decisions/004-etcd-layout.md):
/// `/hm/clusters/{uid}/kv/<key>` holds the cluster's keys, `/hm/clusters/{uid}/meta/...` the
/// datastore's own bookkeeping (its newest revision, compaction point, lease deadlines), so one
/// range delete of `/hm/clusters/{uid}/` removes a cluster.
struct EtcdKeyspace: Sendable {
    /// `/hm/clusters/{uid}/`.
    let root: String
    /// Prefix of the cluster's keys.
    let data: String

    init(cluster uid: String) {
        root = "/hm/clusters/\(uid)/"
        data = root + "kv/"
    }

    /// Written in every transaction that changes a key: its `mod_revision` is the cluster's newest revision.
    var revisionKey: String { root + "meta/rev" }
    /// The two revision records (`rev` and `rev-delete`) share this prefix, read together.
    var revisionRecords: String { root + "meta/rev" }
    /// The logical compaction point, zero-padded decimal.
    var compactedKey: String { root + "meta/compacted" }
    /// Prefix of lease records (`{id}` -> "ttl deadline").
    var leasesPrefix: String { root + "meta/leases/" }

    func leaseKey(_ id: Int64) -> String { leasesPrefix + String(id) }

    /// The etcd key of a cluster key.
    func etcdKey(_ key: String) -> String { data + key }

    /// The etcd range end of a cluster range end (`"\0"`, "every key from `key` on", stays inside the cluster).
    func etcdRangeEnd(_ end: String?) -> String? {
        guard let end else { return nil }
        return end == "\0" ? KeyRange.prefixEnd(data) : data + end
    }

    /// The cluster key of an etcd key of this cluster.
    func clusterKey(_ etcdKey: String) -> String {
        etcdKey.hasPrefix(data) ? String(etcdKey.dropFirst(data.count)) : etcdKey
    }

    /// Fixed-width decimal, so that etcd's byte comparison of values orders revisions.
    static func padded(_ revision: Int64) -> String {
        let digits = String(revision)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }
}
