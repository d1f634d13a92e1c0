import Foundation

/// Reads the `subs` claim (the subscription ids a token may use) from a JWT without verifying it:
/// the client only uses it to pick a default subscription, the server checks the signature.
enum TokenSubscriptions {
    static func decode(_ token: String) -> [String]? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = base64URLDecode(String(parts[1])) else { return nil }
        struct Claims: Decodable { var subs: [String]? }
        return (try? JSONDecoder().decode(Claims.self, from: payload))?.subs
    }

    static func base64URLDecode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
