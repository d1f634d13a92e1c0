import KubeAPI
import Foundation

/// Kubernetes resource quantities (`100m`, `1.5`, `128Mi`, `2G`, `1e3`) as integers in the
/// unit the scheduler compares: milli-units for cpu, plain units (bytes, pods) otherwise.
enum Quantity {
    private static let suffixes: [(String, Double)] = [
        ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
        ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
        ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
    ]

    /// The quantity's value in base units (`128Mi` -> 134217728, `100m` -> 0.1); nil when malformed.
    static func value(_ json: JSON?) -> Double? {
        switch json {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        case .string(let text)?: return value(text)
        default: return nil
        }
    }

    static func value(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        for (suffix, factor) in suffixes where trimmed.hasSuffix(suffix) {
            guard let number = Double(trimmed.dropLast(suffix.count)) else { return nil }
            return number * factor
        }
        return Double(trimmed)  // plain numbers and decimal exponents (`1e3`)
    }

    /// Milli-units, rounded up as upstream's `MilliValue` does (cpu).
    static func milli(_ json: JSON?) -> Int64 {
        guard let value = value(json) else { return 0 }
        return Int64((value * 1000).rounded(.up))
    }

    /// Whole units, rounded up as upstream's `Value` does (memory, pods).
    static func units(_ json: JSON?) -> Int64 {
        guard let value = value(json) else { return 0 }
        return Int64(value.rounded(.up))
    }
}
