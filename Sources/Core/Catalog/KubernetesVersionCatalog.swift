import Foundation

/// One Kubernetes minor version the provider offers, with its support window (POLICY N9).
public struct KubernetesMinorVersion: Sendable, Codable, Equatable {
    public let minor: String
    public let patches: [String]
    public let isPreview: Bool
    public let generallyAvailable: Date
    public let endOfLife: Date

    public init(minor: String, patches: [String], isPreview: Bool = false, generallyAvailable: Date, endOfLife: Date) {
        self.minor = minor
        self.patches = patches
        self.isPreview = isPreview
        self.generallyAvailable = generallyAvailable
        self.endOfLife = endOfLife
    }

    public var latestPatch: String { patches.max(by: KubernetesVersionCatalog.isOlder) ?? minor + ".0" }

    /// In support at `date`: generally available and not past end of life.
    public func isSupported(at date: Date) -> Bool { date >= generallyAvailable && date < endOfLife }
}

/// The versions the provider offers, kept as data. Cluster versions are checked against it
/// on every create and upgrade (CP3, N9).
public struct KubernetesVersionCatalog: Sendable {
    public let versions: [KubernetesMinorVersion]
    public let defaultMinor: String

    public init(versions: [KubernetesMinorVersion], defaultMinor: String) {
        self.versions = versions
        self.defaultMinor = defaultMinor
    }

    /// The catalog `hm serve` starts with.
    public static let standard = KubernetesVersionCatalog(
        versions: [
            .init(minor: "1.32", patches: ["1.32.7", "1.32.9"], generallyAvailable: day("2025-03-01"), endOfLife: day("2026-03-31")),
            .init(minor: "1.33", patches: ["1.33.3", "1.33.5"], generallyAvailable: day("2025-06-15"), endOfLife: day("2027-01-31")),
            .init(minor: "1.34", patches: ["1.34.1", "1.34.2"], generallyAvailable: day("2025-11-01"), endOfLife: day("2027-05-31")),
            .init(minor: "1.35", patches: ["1.35.0", "1.35.1"], generallyAvailable: day("2026-03-01"), endOfLife: day("2027-09-30")),
            .init(minor: "1.36", patches: ["1.36.0"], isPreview: true, generallyAvailable: day("2026-08-01"), endOfLife: day("2028-01-31")),
        ],
        defaultMinor: "1.34")

    /// Resolves a requested version ("", "1.34" or "1.34.2") to a concrete patch version
    /// in support at `date`. Empty means the default.
    public func resolve(_ requested: String, at date: Date, target: String) throws(ServiceError) -> String {
        let wanted = requested.isEmpty ? defaultMinor : requested
        let minorOf = wanted.split(separator: ".").prefix(2).joined(separator: ".")
        guard let minor = versions.first(where: { $0.minor == minorOf }), minor.isSupported(at: date) else {
            throw .kubernetesVersionNotSupported(target: target, version: wanted, supported: supportedPatches(at: date))
        }
        if wanted == minor.minor { return minor.latestPatch }
        guard minor.patches.contains(wanted) else {
            throw .kubernetesVersionNotSupported(target: target, version: wanted, supported: supportedPatches(at: date))
        }
        return wanted
    }

    public func supported(at date: Date) -> [KubernetesMinorVersion] {
        versions.filter { $0.isSupported(at: date) }
    }

    public func supportedPatches(at date: Date) -> [String] {
        supported(at: date).flatMap(\.patches)
    }

    /// Versions a cluster at `current` may move to: later patches of its minor and the next minor.
    public func upgrades(from current: String, at date: Date) -> [String] {
        let parts = current.split(separator: ".").compactMap { Int($0) }
        guard parts.count >= 2 else { return [] }
        let nextMinor = "\(parts[0]).\(parts[1] + 1)"
        let thisMinor = "\(parts[0]).\(parts[1])"
        return supported(at: date)
            .filter { $0.minor == thisMinor || $0.minor == nextMinor }
            .flatMap(\.patches)
            .filter { Self.isOlder(current, $0) }
    }

    public func minor(of version: String) -> KubernetesMinorVersion? {
        let m = version.split(separator: ".").prefix(2).joined(separator: ".")
        return versions.first { $0.minor == m }
    }

    /// Semantic comparison of dotted versions.
    public static func isOlder(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: ".").map { Int($0) ?? 0 }
        let y = b.split(separator: ".").map { Int($0) ?? 0 }
        return x.lexicographicallyPrecedes(y)
    }

    static func day(_ s: String) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return f.date(from: s)!
    }
}
