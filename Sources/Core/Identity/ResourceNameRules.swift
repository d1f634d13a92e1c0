/// ARM naming rules for the resources the service owns (from the managedClusters spec).
public enum ResourceNameRules {
    /// `^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$`
    public static func validateClusterName(_ name: String) throws(ServiceError) {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        let edgesOK = name.first.map(isAlnum) == true && name.last.map(isAlnum) == true
        guard (1...63).contains(name.count), allowed, edgesOK else {
            throw .invalidParameter(
                target: "resourceName",
                message: "The cluster name '\(name)' is invalid: 1-63 characters, letters, digits, '-' and '_', starting and ending with a letter or digit.")
        }
    }

    /// `^[a-z][a-z0-9]{0,11}$`
    public static func validateAgentPoolName(_ name: String, target: String = "agentPoolName") throws(ServiceError) {
        let valid = (1...12).contains(name.count)
            && name.first.map { $0.isASCII && $0.isLowercase && $0.isLetter } == true
            && name.allSatisfy { $0.isASCII && ($0.isNumber || ($0.isLetter && $0.isLowercase)) }
        guard valid else {
            throw .invalidParameter(
                target: target,
                message: "The agent pool name '\(name)' is invalid: 1-12 characters, lowercase letters and digits, starting with a letter.")
        }
    }

    /// Resource group names: 1-90 characters, letters, digits, '_', '-', '.', '(' and ')', not ending in '.'.
    public static func validateResourceGroupName(_ name: String) throws(ServiceError) {
        let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || "_-.()".contains($0) }
        guard (1...90).contains(name.count), allowed, name.last != "." else {
            throw .invalidParameter(target: "resourceGroupName", message: "The resource group name '\(name)' is invalid.")
        }
    }

    /// DNS prefix: 1-54 characters, letters, digits and '-', starting and ending with a letter or digit.
    public static func validateDNSPrefix(_ prefix: String) throws(ServiceError) {
        let allowed = prefix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        let edgesOK = prefix.first.map(isAlnum) == true && prefix.last.map(isAlnum) == true
        guard (1...54).contains(prefix.count), allowed, edgesOK else {
            throw .invalidParameter(
                target: "properties.dnsPrefix",
                message: "The DNS prefix '\(prefix)' is invalid: 1-54 characters, letters, digits and '-', starting and ending with a letter or digit.")
        }
    }

    private static func isAlnum(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
}
