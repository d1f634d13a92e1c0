import Wire

extension TokenResponseWire: TableRow {
    static let columns = ["TenantId", "Subscriptions", "ExpiresOn", "Token"]
    var cells: [String] { [tenantId, subscriptions.joined(separator: ","), expiresOn.cell, token] }
}

extension SubscriptionStateWire: TableRow {
    static let columns = ["SubscriptionId", "TenantId", "State"]
    var cells: [String] { [subscriptionId.cell, tenantId.cell, state] }
}

extension ClockWire: TableRow {
    static let columns = ["Now", "Mode"]
    var cells: [String] { [now, mode] }
}
