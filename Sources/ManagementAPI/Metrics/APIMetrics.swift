import ManagementStore
import Prometheus

/// Prometheus metrics of one service instance: requests by route and status with latency
/// histograms, and operations by kind and state (read from the store at scrape time, so
/// every replica reports the shared truth).
public final class APIMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "hm", metricName: "http_requests", unitName: "total", helpText: "HTTP requests by route, method and status"),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeValueHistogram(
            descriptor: MetricNameDescriptor(namespace: "hm", metricName: "http_request_duration", unitName: "seconds", helpText: "Latency of HTTP requests by route"),
            labels: [("route", route), ("method", method)], buckets: Self.buckets
        ).record(seconds)
    }

    /// Renders the exposition text, refreshing the operation gauges from the store first.
    func render(store: any ManagementStore) async throws -> String {
        for count in try await store.operationCounts() {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(namespace: "hm", metricName: "operations", unitName: "", helpText: "Long-running operations by kind and state"),
                labels: [("kind", count.kind.rawValue), ("state", count.state.rawValue)]
            ).set(Double(count.count))
        }
        registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "hm", metricName: "managed_clusters", unitName: "", helpText: "Managed clusters in the store"))
            .set(Double(try await store.clusterCount()))
        return registry.emitToString()
    }
}
