import Foundation

/// Where the hosted Kubernetes API front answers and the certificate kubectl must trust: what
/// kubeconfigs carry. Set once the front has bound its port (`--kube-listen host:0` in tests).
public final class HostedAPIEndpoint: @unchecked Sendable {
    private let lock = NSLock()
    private var url: String
    private var certificate: String

    public init(baseURL: String, certificatePEM: String = "") {
        self.url = baseURL
        self.certificate = certificatePEM
    }

    /// `https://host:port`, without a trailing slash.
    public var baseURL: String {
        lock.lock()
        defer { lock.unlock() }
        return url
    }

    /// PEM of the front's serving certificate (self-signed: it is its own CA).
    public var certificatePEM: String {
        lock.lock()
        defer { lock.unlock() }
        return certificate
    }

    public func update(baseURL: String? = nil, certificatePEM: String? = nil) {
        lock.lock()
        defer { lock.unlock() }
        if let baseURL { url = baseURL }
        if let certificatePEM { certificate = certificatePEM }
    }
}
