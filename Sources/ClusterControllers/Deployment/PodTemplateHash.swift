import KubeAPI

/// The `pod-template-hash` of a Deployment's template: a stable FNV-32a hash of the template
/// (without the hash label itself, keys sorted) and the collision count, encoded with the
/// API's safe alphabet as upstream's `ComputeHash` + `SafeEncodeString` do. The digest differs
/// from upstream's (which hashes Go's printing of the struct); stability is what matters.
enum PodTemplateHash {
    static let label = "pod-template-hash"
    private static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789".utf8)

    static func of(_ template: JSON?, collisionCount: Int64 = 0) -> String {
        var hash: UInt32 = 2_166_136_261
        func mix(_ byte: UInt8) { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        for byte in withoutHash(template).serialized() { mix(byte) }
        if collisionCount > 0 {
            let count = UInt32(truncatingIfNeeded: collisionCount)
            for shift in stride(from: 0, to: 32, by: 8) { mix(UInt8(truncatingIfNeeded: count >> UInt32(shift))) }
        }
        return String(decoding: String(hash).utf8.map { alphabet[Int($0) % alphabet.count] }, as: UTF8.self)
    }

    /// The template without the hash label: what "the same template" means (upstream `EqualIgnoreHash`).
    static func withoutHash(_ template: JSON?) -> JSON {
        var template = template ?? [:]
        if template[path: ["metadata", "labels", label]] != nil {
            template[path: ["metadata", "labels", label]] = nil
            if template[path: ["metadata", "labels"]]?.objectValue?.isEmpty == true { template[path: ["metadata", "labels"]] = nil }
        }
        if template["metadata"]?.objectValue?.isEmpty == true { template["metadata"] = nil }
        return template
    }
}
