import Crypto
import Foundation
import SwiftASN1
import X509

/// Makes (once) and loads the self-signed certificate `hm serve --tls` uses. Clients trust it
/// by its file: `REQUESTS_CA_BUNDLE`, `--ca-file`, `connection_verify=`.
enum SelfSignedCertificate {
    struct Paths {
        let certificate: String
        let key: String
    }

    static func ensure(in directory: String, host: String, now: Date, commonName: String = "Harbormaster management API") throws -> Paths {
        let paths = Paths(certificate: "\(directory)/cert.pem", key: "\(directory)/key.pem")
        if FileManager.default.fileExists(atPath: paths.certificate), FileManager.default.fileExists(atPath: paths.key) {
            return paths
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            OrganizationName("Harbormaster")
            CommonName(commonName)
        }
        var names: [GeneralName] = [.dnsName("localhost")]
        for address in ["127.0.0.1", host] where address.split(separator: ".").count == 4 {
            let bytes = address.split(separator: ".").compactMap { UInt8($0) }
            if bytes.count == 4 { names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(bytes)))) }
        }
        if host.split(separator: ".").count != 4, host != "localhost" { names.append(.dnsName(host)) }
        names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice([UInt8](repeating: 0, count: 15) + [1]))))
        let publicKey = Certificate.PublicKey(key.publicKey)
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(825 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
                SubjectKeyIdentifier(hash: publicKey)
                AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: publicKey).keyIdentifier)
            },
            issuerPrivateKey: Certificate.PrivateKey(key))
        try Data(try certificate.serializeAsPEM().pemString.utf8).write(to: URL(fileURLWithPath: paths.certificate))
        _ = FileManager.default.createFile(atPath: paths.key, contents: Data(key.pemRepresentation.utf8), attributes: [.posixPermissions: 0o600])
        return paths
    }
}
