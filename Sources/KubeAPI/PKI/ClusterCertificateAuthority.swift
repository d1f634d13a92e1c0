import Crypto
import Foundation
import SwiftASN1
import X509

/// A cluster's own certificate authority (P-256, made with swift-certificates), kept in
/// `<data-dir>/clusters/{uid}/pki/`. It issues the cluster's credentials: the bearer tokens in
/// its kubeconfigs are signed with the CA's key and verified against it, so a credential is
/// good for exactly one cluster and dies with the cluster's data (decision 005).
public struct ClusterCertificateAuthority: Sendable {
    public let clusterUID: String
    let key: P256.Signing.PrivateKey
    /// The CA certificate, PEM.
    public let certificatePEM: String

    /// Loads the CA from `directory`, creating it on first use.
    public static func ensure(directory: String, clusterUID: String, now: Date) throws -> ClusterCertificateAuthority {
        let keyPath = "\(directory)/ca-key.pem"
        let certificatePath = "\(directory)/ca.pem"
        let files = FileManager.default
        if let keyPEM = try? String(contentsOfFile: keyPath, encoding: .utf8),
            let certificatePEM = try? String(contentsOfFile: certificatePath, encoding: .utf8)
        {
            return ClusterCertificateAuthority(clusterUID: clusterUID, key: try P256.Signing.PrivateKey(pemRepresentation: keyPEM), certificatePEM: certificatePEM)
        }
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            OrganizationName("Harbormaster")
            CommonName("cluster \(clusterUID) CA")
        }
        let publicKey = Certificate.PublicKey(key.publicKey)
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
                SubjectKeyIdentifier(hash: publicKey)
            },
            issuerPrivateKey: Certificate.PrivateKey(key))
        let certificatePEM = try certificate.serializeAsPEM().pemString
        _ = files.createFile(atPath: keyPath, contents: Data(key.pemRepresentation.utf8), attributes: [.posixPermissions: 0o600])
        try Data(certificatePEM.utf8).write(to: URL(fileURLWithPath: certificatePath))
        return ClusterCertificateAuthority(clusterUID: clusterUID, key: key, certificatePEM: certificatePEM)
    }

    /// A bearer credential for `role` until `expiry`: a compact ES256 JWT signed by this CA.
    public func issueToken(role: String, issuedAt: Date, expiry: Date) throws -> String {
        let header: JSON = ["alg": "ES256", "typ": "JWT", "kid": .string(clusterUID)]
        let claims: JSON = [
            "iss": .string("harbormaster cluster CA \(clusterUID)"), "aud": .string(Self.audience(clusterUID)), "sub": .string(role),
            "iat": .int(Int64(issuedAt.timeIntervalSince1970)), "exp": .int(Int64(expiry.timeIntervalSince1970)),
        ]
        let signingInput = Base64URL.encode(header.serialized()) + "." + Base64URL.encode(claims.serialized())
        let signature = try key.signature(for: Data(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(Array(signature.rawRepresentation))
    }

    /// The role of a token this CA signed for this cluster, when it has not expired at `now`.
    public func verify(token: String, now: Date) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signatureBytes = Base64URL.decode(String(parts[2])),
            let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureBytes),
            key.publicKey.isValidSignature(signature, for: Data("\(parts[0]).\(parts[1])".utf8)),
            let payload = Base64URL.decode(String(parts[1])), let claims = try? JSON.parse(payload),
            claims["aud"]?.stringValue == Self.audience(clusterUID), let expiry = claims["exp"]?.intValue,
            Double(expiry) > now.timeIntervalSince1970, let role = claims["sub"]?.stringValue
        else { return nil }
        return role
    }

    static func audience(_ uid: String) -> String { "hosted-kubernetes:\(uid)" }
}

/// Base64url without padding (RFC 7515).
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
