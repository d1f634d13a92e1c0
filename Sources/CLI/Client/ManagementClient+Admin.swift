import Wire

/// Provider calls under `/admin` (no api-version; admin token).
extension ManagementClient {
    func createToken(_ request: TokenRequestWire) async throws -> TokenResponseWire {
        try await fetch(TokenResponseWire.self, .POST, "/admin/tokens", arm: false, body: request)
    }

    func revokeToken(_ grantID: String) async throws {
        _ = try await send(.DELETE, "/admin/tokens/\(ResourcePath.encode(grantID))", arm: false)
    }

    func setSubscriptionState(_ subscription: String, state: String) async throws -> SubscriptionStateWire {
        try await fetch(
            SubscriptionStateWire.self, .PUT, "/admin/subscriptions/\(ResourcePath.encode(subscription))", arm: false,
            body: SubscriptionStateWire(state: state))
    }

    func clock() async throws -> ClockWire {
        try await fetch(ClockWire.self, .GET, "/admin/clock", arm: false)
    }

    func advanceClock(seconds: Double) async throws -> ClockWire {
        try await fetch(
            ClockWire.self, .POST, "/admin/clock:advance", arm: false, body: ClockAdvanceWire(seconds: seconds))
    }
}
