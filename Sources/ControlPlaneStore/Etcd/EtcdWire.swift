import Foundation

/// The etcd v3 JSON gateway's response shapes (grpc-gateway: proto field names, int64 as strings).
enum EtcdWire {
    /// An int64 the gateway sends as a string (it also accepts numbers).
    struct Int64String: Decodable, Sendable {
        let value: Int64

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self), let number = Int64(text) {
                value = number
            } else {
                value = try container.decode(Int64.self)
            }
        }
    }

    struct Header: Decodable, Sendable {
        let revision: Int64String?
    }

    struct KV: Decodable, Sendable {
        let key: String?
        let value: String?
        let create_revision: Int64String?
        let mod_revision: Int64String?
        let version: Int64String?
        let lease: Int64String?
    }

    struct RangeResponse: Decodable, Sendable {
        let header: Header?
        let kvs: [KV]?
        let count: Int64String?
        let more: Bool?
    }

    struct PutResponse: Decodable, Sendable {
        let header: Header?
        let prev_kv: KV?
    }

    struct DeleteRangeResponse: Decodable, Sendable {
        let header: Header?
        let deleted: Int64String?
        let prev_kvs: [KV]?
    }

    struct ResponseOp: Decodable, Sendable {
        let response_range: RangeResponse?
        let response_put: PutResponse?
        let response_delete_range: DeleteRangeResponse?
        let response_txn: NestedTxnResponse?
    }

    /// A nested transaction's answer (only whether its compare held is read).
    struct NestedTxnResponse: Decodable, Sendable {
        let succeeded: Bool?
    }

    struct TxnResponse: Decodable, Sendable {
        let header: Header?
        let succeeded: Bool?
        let responses: [ResponseOp]?
    }

    struct LeaseResponse: Decodable, Sendable {
        let header: Header?
        let ID: Int64String?
        let TTL: Int64String?
        let keys: [String]?
    }

    struct KeepAliveResponse: Decodable, Sendable {
        let result: LeaseResponse?
    }

    struct Event: Decodable, Sendable {
        let type: String?
        let kv: KV?
        let prev_kv: KV?
    }

    struct WatchResult: Decodable, Sendable {
        let header: Header?
        let created: Bool?
        let canceled: Bool?
        let compact_revision: Int64String?
        let cancel_reason: String?
        let events: [Event]?
    }

    struct WatchMessage: Decodable, Sendable {
        let result: WatchResult?
        let error: StreamError?
    }

    /// An error inside a stream: `{"error": {"grpc_code", "http_code", "message"}}`.
    struct StreamError: Decodable, Sendable {
        let message: String?
        let grpc_code: Int?
    }

    /// `{"error": "...", "message": "...", "code": N}` on a failed call.
    struct ErrorBody: Decodable, Sendable {
        let error: String?
        let message: String?
        let code: Int?
    }

    /// Standard base64 of a string's UTF-8 bytes, as the gateway wants keys and values.
    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
    static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    /// The bytes of a base64 field (absent means empty).
    static func bytes(_ base64: String?) -> [UInt8] {
        guard let base64, let data = Data(base64Encoded: base64) else { return [] }
        return [UInt8](data)
    }
}
