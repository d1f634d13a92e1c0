/// The DNS prefix `az aks create` derives when `--dns-name-prefix` is absent
/// (azure-cli `_get_default_dns_prefix`): `{name[:10]}-{rg[:16]}-{subscription[:6]}` with
/// characters outside `[A-Za-z0-9-]` dropped and the name part starting with a letter.
enum DNSPrefix {
    static func `default`(cluster: String, resourceGroup: String, subscription: String) -> String {
        var namePart = String(plain(cluster).prefix(10))
        if let first = namePart.first, !first.isLetter {
            namePart = String(("a" + namePart).prefix(10))
        }
        return "\(namePart)-\(plain(resourceGroup).prefix(16))-\(subscription.prefix(6))"
    }

    private static func plain(_ text: String) -> String {
        text.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
