/// Deterministic hex identifiers derived from names (machine ids, container ids, image
/// digests), so that the same node or container always shows the same id.
enum StableID {
    /// `length` lower-case hex digits from FNV-1a over `seed` and a block counter.
    static func hex(_ seed: String, length: Int) -> String {
        var out = ""
        out.reserveCapacity(length + 16)
        var block: UInt64 = 0
        while out.count < length {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            for shift in stride(from: 0, to: 64, by: 8) { hash = (hash ^ ((block >> UInt64(shift)) & 0xff)) &* 0x100_0000_01b3 }
            let digits = String(hash, radix: 16)
            out += String(repeating: "0", count: 16 - digits.count) + digits
            block += 1
        }
        return String(out.prefix(length))
    }

    /// A UUID-shaped id (`8-4-4-4-12`) derived from `seed`.
    static func uuid(_ seed: String) -> String {
        let h = Array(hex(seed, length: 32))
        func part(_ from: Int, _ count: Int) -> String { String(h[from..<from + count]) }
        return "\(part(0, 8))-\(part(8, 4))-\(part(12, 4))-\(part(16, 4))-\(part(20, 12))"
    }
}
