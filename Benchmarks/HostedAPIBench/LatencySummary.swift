import Foundation

/// Percentiles of a set of durations, in milliseconds, as the benchmark scripts read them.
struct LatencySummary: Encodable {
    let n: Int
    let p50Ms: Double?
    let p99Ms: Double?
    let maxMs: Double?

    enum CodingKeys: String, CodingKey {
        case n
        case p50Ms = "p50_ms"
        case p99Ms = "p99_ms"
        case maxMs = "max_ms"
    }

    init(_ samples: [Duration]) {
        let sorted = samples.map(\.milliseconds).sorted()
        n = sorted.count
        p50Ms = Self.nearestRank(sorted, 50)
        p99Ms = Self.nearestRank(sorted, 99)
        maxMs = sorted.last.map(Self.rounded)
    }

    /// Nearest-rank percentile, as `bench_client.percentile` computes it.
    static func nearestRank(_ sorted: [Double], _ percent: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = max(1, Int((percent / 100 * Double(sorted.count)).rounded(.up)))
        return rounded(sorted[rank - 1])
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    var seconds: Double { milliseconds / 1000 }
}

/// Prints `value` as one line of JSON with sorted keys.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
