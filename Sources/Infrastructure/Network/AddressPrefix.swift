import Core

/// An IPv4 CIDR block (`10.224.0.0/16`), for subnet containment checks and NIC addresses.
public struct AddressPrefix: Sendable, Equatable, CustomStringConvertible {
    public let base: UInt32
    public let length: Int

    /// Parses `a.b.c.d/n`; the address must be the block's first (as Azure requires).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let length = Int(parts[1]), (0...32).contains(length), let base = Self.address(parts[0]) else { return nil }
        let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << (32 - length)
        guard base & mask == base else { return nil }
        self.base = base
        self.length = length
    }

    static func address(_ text: Substring) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard let byte = UInt8(octet), String(byte) == octet else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    public var size: UInt64 { UInt64(1) << (32 - length) }

    public func contains(_ other: AddressPrefix) -> Bool {
        other.length >= length && UInt64(other.base) >= UInt64(base) && UInt64(other.base) + other.size <= UInt64(base) + size
    }

    public func overlaps(_ other: AddressPrefix) -> Bool { contains(other) || other.contains(self) }

    public var description: String { "\(Self.format(base))/\(length)" }

    static func format(_ address: UInt32) -> String {
        [24, 16, 8, 0].map { String((address >> UInt32($0)) & 0xff) }.joined(separator: ".")
    }

    /// The lowest host address not in `used`; Azure reserves the first four and the last of a subnet.
    func firstFree(excluding used: Set<String>) -> String? {
        guard size > 5 else { return nil }
        for offset in UInt64(4)..<(size - 1) {
            let candidate = Self.format(base &+ UInt32(offset))
            if !used.contains(candidate) { return candidate }
        }
        return nil
    }

    /// Parses `text` or throws an `InvalidParameter` naming `target`.
    static func parse(_ text: String, target: String) throws(ServiceError) -> AddressPrefix {
        guard let prefix = AddressPrefix(text) else {
            throw .invalidParameter(target: target, message: "'\(text)' is not a valid IPv4 address prefix in CIDR notation (for example 10.0.0.0/16).")
        }
        return prefix
    }
}
