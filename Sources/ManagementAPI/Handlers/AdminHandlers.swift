import Core
import Foundation
import Hummingbird
import ManagementStore
import Wire

/// The provider's API under `/admin` (admin token only): tokens, subscription states, the clock.
enum AdminHandlers {
    static var routes: [Route] {
        [
            Route(.post, "admin/tokens", name: "admin/tokens", access: .admin, versioned: false, handler: createToken),
            Route(.delete, "admin/tokens/{grantId}", name: "admin/tokens/delete", access: .admin, versioned: false, handler: revokeToken),
            Route(.get, "admin/subscriptions", name: "admin/subscriptions/list", access: .admin, versioned: false, handler: listSubscriptions),
            Route(.put, "admin/subscriptions/{subscriptionId}", name: "admin/subscriptions/put", access: .admin, versioned: false, handler: setSubscriptionState),
            Route(.get, "admin/clock", name: "admin/clock", access: .admin, versioned: false, handler: clock),
            Route(.post, "admin/clock:advance", name: "admin/clock/advance", access: .admin, versioned: false, handler: advanceClock),
        ] + SupportAccessHandlers.routes
    }

    static func validSubscriptionID(_ id: String) -> Bool {
        (1...64).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    static func createToken(_ call: APICall) async throws -> Response {
        let request = try RequestDecoding.decode(
            TokenRequestWire.self, from: call.body, schema: .object(["subscriptions": .array(.scalar), "tenant": .scalar]))
        guard !request.subscriptions.isEmpty else {
            throw ServiceError.invalidParameter(target: "subscriptions", message: "Name at least one subscription the token may use.")
        }
        for (index, id) in request.subscriptions.enumerated() where !validSubscriptionID(id) {
            throw ServiceError.invalidParameter(target: "subscriptions[\(index)]", message: "'\(id)' is not a valid subscription id (1-64 letters, digits and '-').")
        }
        let store = call.env.store
        var tenant = request.tenant
        for id in request.subscriptions {
            guard let existing = try await store.subscription(id) else { continue }
            if let wanted = tenant, wanted != existing.tenantID {
                throw ServiceError.conflict(message: "Subscription '\(id)' belongs to tenant '\(existing.tenantID)', not '\(wanted)'.")
            }
            tenant = existing.tenantID
        }
        let tenantID = tenant ?? UUIDv4.make()
        let now = call.env.clock.now()
        for id in request.subscriptions where try await store.subscription(id) == nil {
            try await store.saveSubscription(SubscriptionRecord(id: id, tenantID: tenantID, displayName: id, state: .enabled, updatedAt: now))
        }
        let (token, expires, grantID) = try await call.env.tokens.issue(tenantID: tenantID, subscriptions: request.subscriptions, isAdmin: false, lifetime: call.env.tenantTokenLifetime)
        return try JSONResponse.make(.created, TokenResponseWire(id: grantID, token: token, tenantId: tenantID, subscriptions: request.subscriptions, expiresOn: ISO8601DateFormatter().string(from: expires)))
    }

    /// Revokes a token's grant: the token and every managed-identity token minted from it stop
    /// working within 30 seconds (the verified-token cache lifetime).
    static func revokeToken(_ call: APICall) async throws -> Response {
        let id = call.param("grantId")
        guard try await call.env.tokens.revoke(grantID: id) else { throw ServiceError.notFound(kind: "token", name: id) }
        return JSONResponse.empty(.noContent)
    }

    static func listSubscriptions(_ call: APICall) async throws -> Response {
        let all = try await call.env.store.subscriptions(tenantID: nil)
        return try JSONResponse.make(.ok, ListResultWire(value: all.map(SubscriptionHandlers.wire)))
    }

    static func setSubscriptionState(_ call: APICall) async throws -> Response {
        let id = call.param("subscriptionId")
        guard validSubscriptionID(id) else {
            throw ServiceError.invalidParameter(target: "subscriptionId", message: "'\(id)' is not a valid subscription id.")
        }
        let request = try RequestDecoding.decode(SubscriptionStateWire.self, from: call.body, schema: .object(["state": .scalar, "tenantId": .scalar, "subscriptionId": .readOnly]))
        guard let state = SubscriptionState.allCases.first(where: { $0.rawValue.lowercased() == request.state.lowercased() }) else {
            throw ServiceError.invalidParameter(target: "state", message: "State '\(request.state)' is not one of \(SubscriptionState.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let now = call.env.clock.now()
        var record = try await call.env.store.subscription(id)
            ?? SubscriptionRecord(id: id, tenantID: request.tenantId ?? UUIDv4.make(), displayName: id, state: state, updatedAt: now)
        record.state = state
        record.updatedAt = now
        try await call.env.store.saveSubscription(record)
        return try JSONResponse.make(.ok, SubscriptionStateWire(state: state.rawValue, tenantId: record.tenantID, subscriptionId: id))
    }

    static func clockWire(_ env: APIEnvironment) -> ClockWire {
        ClockWire(now: ARMTime.string(from: env.clock.now()), mode: env.simulatedClock == nil ? "system" : "simulated")
    }

    static func clock(_ call: APICall) async throws -> Response {
        try JSONResponse.make(.ok, clockWire(call.env))
    }

    static func advanceClock(_ call: APICall) async throws -> Response {
        guard let simulated = call.env.simulatedClock else {
            throw ServiceError.conflict(message: "The service runs on the system clock; start it with --clock simulated to advance time.")
        }
        let request = try RequestDecoding.decode(ClockAdvanceWire.self, from: call.body, schema: .object(["seconds": .scalar]))
        guard request.seconds >= 0, request.seconds <= 10 * 365 * 86_400 else {
            throw ServiceError.invalidParameter(target: "seconds", message: "seconds must be between 0 and 315360000 (ten years).")
        }
        await simulated.advance(by: request.seconds)
        return try JSONResponse.make(.ok, clockWire(call.env))
    }
}
