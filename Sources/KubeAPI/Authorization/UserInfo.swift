/// Who is calling: the user name and groups taken from a client certificate (CN, O) or a token.
/// The caller adds `system:authenticated` for every authenticated user; nothing here adds it.
public struct UserInfo: Sendable, Hashable {
    public var name: String
    public var groups: [String]

    public init(name: String, groups: [String] = []) {
        self.name = name
        self.groups = groups
    }

    /// Members of this group may do anything; the API server lets them through before RBAC.
    public static let privilegedGroup = "system:masters"
    public static let authenticatedGroup = "system:authenticated"

    /// `system:serviceaccount:<namespace>:<name>`, the user name a service account's token carries.
    public static func serviceAccountName(namespace: String, name: String) -> String {
        "system:serviceaccount:\(namespace):\(name)"
    }

    var isPrivileged: Bool { groups.contains(Self.privilegedGroup) }
}
