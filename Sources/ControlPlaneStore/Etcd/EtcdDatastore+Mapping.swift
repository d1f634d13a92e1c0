import Foundation

/// Translation between the `Datastore` vocabulary and etcd's gateway JSON, adding and stripping
/// the cluster's key prefix on the way.
extension EtcdDatastore {
    func keyValue(_ kv: EtcdWire.KV) -> KeyValue {
        KeyValue(
            key: keyspace.clusterKey(String(decoding: EtcdWire.bytes(kv.key), as: UTF8.self)),
            value: EtcdWire.bytes(kv.value),
            createRevision: kv.create_revision?.value ?? 0,
            modRevision: kv.mod_revision?.value ?? 0,
            version: kv.version?.value ?? 0,
            lease: kv.lease?.value ?? 0)
    }

    /// The gateway's `RangeRequest` object for a cluster range.
    func rangeObject(_ request: RangeRequest) -> [String: Any] {
        var object: [String: Any] = ["key": EtcdWire.base64(keyspace.etcdKey(request.key))]
        if let end = keyspace.etcdRangeEnd(request.rangeEnd) { object["range_end"] = EtcdWire.base64(end) }
        if request.limit > 0 { object["limit"] = String(request.limit) }
        if request.revision > 0 { object["revision"] = String(request.revision) }
        if request.countOnly { object["count_only"] = true }
        return object
    }

    /// A raw range of etcd keys (bookkeeping records).
    static func rawRange(_ key: String, end: String? = nil) -> [String: Any] {
        var object: [String: Any] = ["key": EtcdWire.base64(key)]
        if let end { object["range_end"] = EtcdWire.base64(end) }
        return ["request_range": object]
    }

    /// A raw put of an etcd key.
    static func rawPut(_ key: String, _ value: String) -> [String: Any] {
        ["request_put": ["key": EtcdWire.base64(key), "value": EtcdWire.base64(value)]]
    }

    func operationObject(_ operation: TxnOperation) -> [String: Any] {
        switch operation {
        case .put(let key, let value, let lease):
            var put: [String: Any] = [
                "key": EtcdWire.base64(keyspace.etcdKey(key)), "value": EtcdWire.base64(value), "prev_kv": true,
            ]
            if lease != 0 { put["lease"] = String(lease) }
            return ["request_put": put]
        case .delete(let key, let rangeEnd):
            var delete: [String: Any] = ["key": EtcdWire.base64(keyspace.etcdKey(key)), "prev_kv": true]
            if let end = keyspace.etcdRangeEnd(rangeEnd) { delete["range_end"] = EtcdWire.base64(end) }
            return ["request_delete_range": delete]
        case .range(let request):
            return ["request_range": rangeObject(request)]
        }
    }

    func compareObject(_ compare: Compare) -> [String: Any] {
        func base(_ key: String, _ result: CompareResult, _ target: String) -> [String: Any] {
            let name: String
            switch result {
            case .equal: name = "EQUAL"
            case .notEqual: name = "NOT_EQUAL"
            case .less: name = "LESS"
            case .greater: name = "GREATER"
            }
            return ["key": EtcdWire.base64(keyspace.etcdKey(key)), "result": name, "target": target]
        }
        switch compare {
        case .modRevision(let key, let result, let revision):
            return base(key, result, "MOD").merging(["mod_revision": String(revision)]) { $1 }
        case .createRevision(let key, let result, let revision):
            return base(key, result, "CREATE").merging(["create_revision": String(revision)]) { $1 }
        case .version(let key, let result, let version):
            return base(key, result, "VERSION").merging(["version": String(version)]) { $1 }
        case .value(let key, let result, let value):
            return base(key, result, "VALUE").merging(["value": EtcdWire.base64(value)]) { $1 }
        }
    }

    /// The cluster's newest revision from a range over `keyspace.revisionRecords`.
    func clusterRevision(_ records: EtcdWire.RangeResponse?) -> Int64 {
        var newest: Int64 = 0
        for kv in records?.kvs ?? [] {
            let key = String(decoding: EtcdWire.bytes(kv.key), as: UTF8.self)
            if key == keyspace.revisionKey {
                newest = max(newest, kv.mod_revision?.value ?? 0)
            } else if let value = Int64(String(decoding: EtcdWire.bytes(kv.value), as: UTF8.self)) {
                newest = max(newest, value)
            }
        }
        return newest
    }

    /// Maps a failed etcd call to the `DatastoreError` with the same meaning.
    func mapped(_ error: any Error, requested: Int64 = 0) async -> any Error {
        guard let failure = error as? EtcdClient.Failure else { return error }
        switch failure {
        case .unreachable(let message):
            return DatastoreError.unavailable(message)
        case .server(let message, _):
            if message.contains("required revision has been compacted") {
                let physical = (try? await client.physicalCompactRevision()) ?? 0
                return DatastoreError.compacted(compactRevision: max(physical, state.withLock { $0.compacted }))
            }
            if message.contains("required revision is a future revision") {
                let current = (try? await currentRevision()) ?? 0
                return DatastoreError.futureRevision(requested: requested, current: current)
            }
            if message.contains("requested lease not found") {
                return DatastoreError.leaseNotFound(requested)
            }
            return DatastoreError.unavailable("etcd: \(message)")
        }
    }
}
