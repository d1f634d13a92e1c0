import Foundation

/// The gateway calls `EtcdDatastore` uses, one per etcd RPC.
extension EtcdClient {
    /// `/v3/kv/range` with a raw request object.
    func range(_ request: [String: Any]) async throws -> EtcdWire.RangeResponse {
        try await call("/v3/kv/range", Self.body(request))
    }

    /// `/v3/kv/txn` with a raw request object (`compare`, `success`, `failure`).
    func txn(_ request: [String: Any]) async throws -> EtcdWire.TxnResponse {
        try await call("/v3/kv/txn", Self.body(request))
    }

    /// `/v3/kv/put` of one key (no lease).
    func put(_ key: String, value: [UInt8]) async throws {
        let _: EtcdWire.PutResponse = try await call(
            "/v3/kv/put", Self.body(["key": EtcdWire.base64(key), "value": EtcdWire.base64(value)]))
    }

    /// `/v3/kv/deleterange` of `[key, rangeEnd)`.
    func deleteRange(_ key: String, rangeEnd: String) async throws {
        let _: EtcdWire.DeleteRangeResponse = try await call(
            "/v3/kv/deleterange", Self.body(["key": EtcdWire.base64(key), "range_end": EtcdWire.base64(rangeEnd)]))
    }

    /// `/v3/kv/compaction`: forgets the whole etcd's history below `revision`.
    func compact(revision: Int64) async throws {
        let _: EtcdWire.RangeResponse = try await call(
            "/v3/kv/compaction", Self.body(["revision": String(revision), "physical": true]))
    }

    /// `/v3/lease/grant`: a lease of `ttl` etcd seconds.
    func grantLease(ttl: Int64) async throws -> Int64 {
        let response: EtcdWire.LeaseResponse = try await call("/v3/lease/grant", Self.body(["TTL": String(ttl)]))
        guard let id = response.ID?.value else { throw Failure.unreachable("etcd lease grant: no ID") }
        return id
    }

    /// `/v3/lease/revoke`: drops the lease and deletes its keys.
    func revokeLease(_ id: Int64) async throws {
        let _: EtcdWire.LeaseResponse = try await call("/v3/lease/revoke", Self.body(["ID": String(id)]))
    }

    /// `/v3/lease/timetolive`: the etcd TTL left (-1 when the lease is gone) and the attached keys.
    func leaseTimeToLive(_ id: Int64) async throws -> (ttl: Int64, keys: [String]) {
        let response: EtcdWire.LeaseResponse = try await call(
            "/v3/lease/timetolive", Self.body(["ID": String(id), "keys": true]))
        let keys = (response.keys ?? []).map { String(decoding: EtcdWire.bytes($0), as: UTF8.self) }
        return (response.TTL?.value ?? -1, keys)
    }

    /// `/v3/lease/keepalive`: one renewal; false when the lease no longer exists.
    func keepAliveOnce(_ id: Int64) async throws -> Bool {
        let response: EtcdWire.KeepAliveResponse = try await call("/v3/lease/keepalive", Self.body(["ID": String(id)]))
        return (response.result?.TTL?.value ?? 0) > 0
    }

    /// `/v3/maintenance/status`: answers when the member serves requests.
    func status() async throws -> Int64 {
        let response: EtcdWire.RangeResponse = try await call("/v3/maintenance/status", Self.body([:]))
        return response.header?.revision?.value ?? 0
    }

    /// `/v3/watch`: one watch's messages, starting with the `created` (or `canceled`) one.
    func watch(_ createRequest: [String: Any]) -> AsyncThrowingStream<Data, any Error> {
        stream("/v3/watch", Self.body(["create_request": createRequest]))
    }

    /// The etcd's compaction point, learnt the only way etcd 3.4 tells it: a watch from revision 1
    /// is cancelled with `compact_revision` when history was compacted (0 otherwise).
    func physicalCompactRevision() async throws -> Int64 {
        for try await line in watch(["key": EtcdWire.base64("/hm/compaction-probe"), "start_revision": "1"]) {
            let message = try JSONDecoder().decode(EtcdWire.WatchMessage.self, from: line)
            return message.result?.compact_revision?.value ?? 0
        }
        return 0
    }

    /// `/v3/maintenance/snapshot`: streams the whole etcd's backend database into `path`.
    func snapshot(to path: String) async throws {
        struct Chunk: Decodable { let result: Blob? }
        struct Blob: Decodable { let blob: String? }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path)
        else {
            throw Failure.unreachable("cannot write snapshot to \(path)")
        }
        defer { try? file.close() }
        for try await line in stream("/v3/maintenance/snapshot", Self.body([:])) {
            if let failure = try? JSONDecoder().decode(EtcdWire.WatchMessage.self, from: line),
                let error = failure.error
            {
                throw Failure.server(message: error.message ?? "snapshot failed", code: error.grpc_code ?? 0)
            }
            let chunk = try JSONDecoder().decode(Chunk.self, from: line)
            try file.write(contentsOf: EtcdWire.bytes(chunk.result?.blob?.isEmpty == false ? chunk.result?.blob : nil))
        }
    }
}
