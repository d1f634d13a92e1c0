import Core

/// One resource of the simulated IaaS (scale set, virtual network, network security group,
/// resource group), stored generically: the ARM id (lower-cased as the key), its scope and
/// type as indexed columns, and the resource itself as a JSON document the `Infrastructure`
/// module owns. The store knows nothing of what is inside `body`.
public struct IaaSResourceRecord: Sendable, Codable, Equatable {
    /// The ARM resource id as first spelled, e.g.
    /// `/subscriptions/s/resourceGroups/MC_rg_c_eastus/providers/Microsoft.Compute/virtualMachineScaleSets/x`.
    public var id: String
    public var subscription: String
    public var resourceGroup: String
    /// The ARM resource type, e.g. `Microsoft.Compute/virtualMachineScaleSets`.
    public var type: String
    /// Changes on every write; the optimistic-concurrency token (`IaaSPrecondition.eTag`).
    public var eTag: String
    /// The resource as JSON.
    public var body: String

    public init(id: String, subscription: String, resourceGroup: String, type: String, eTag: String, body: String) {
        self.id = id
        self.subscription = subscription
        self.resourceGroup = resourceGroup
        self.type = type
        self.eTag = eTag
        self.body = body
    }

    /// The case-insensitive identity (ARM ids are case-insensitive).
    public var key: String { id.lowercased() }
}

/// What a write expects of the stored resource before it applies (optimistic concurrency).
public enum IaaSPrecondition: Sendable, Equatable {
    /// No check: last writer wins.
    case none
    /// The resource must not exist yet.
    case absent
    /// The resource must exist with this eTag.
    case eTag(String)
}

/// A set of IaaS writes applied atomically: all of them or none. A failed precondition throws
/// `ServiceError.preconditionFailed` and changes nothing; callers re-read and retry.
public struct IaaSCommit: Sendable {
    public struct Write: Sendable {
        public var record: IaaSResourceRecord
        public var expected: IaaSPrecondition
        public init(_ record: IaaSResourceRecord, expected: IaaSPrecondition) {
            self.record = record
            self.expected = expected
        }
    }

    public struct Delete: Sendable {
        /// The ARM id (any case).
        public var id: String
        public var expected: IaaSPrecondition
        public init(id: String, expected: IaaSPrecondition) {
            self.id = id
            self.expected = expected
        }
    }

    public var writes: [Write]
    public var deletes: [Delete]

    public init(writes: [Write] = [], deletes: [Delete] = []) {
        self.writes = writes
        self.deletes = deletes
    }

    /// The `subscription/resourceGroup` scopes the commit touches, lower-cased and sorted
    /// (PostgreSQL locks them in this order).
    var scopes: [String] {
        let written = writes.map { "\($0.record.subscription)/\($0.record.resourceGroup)".lowercased() }
        let deleted = deletes.compactMap { IaaSScope.of($0.id) }
        return Array(Set(written + deleted)).sorted()
    }

    /// Checks one precondition against the stored eTag (nil: absent).
    static func check(_ expected: IaaSPrecondition, id: String, stored: String?) throws {
        switch expected {
        case .none: return
        case .absent:
            if stored != nil { throw IaaSConflict.exists(id) }
        case .eTag(let tag):
            guard let stored else { throw IaaSConflict.missing(id) }
            if stored != tag { throw IaaSConflict.changed(id) }
        }
    }
}

/// Why an `IaaSCommit` was refused, as the error the API maps to 412 PreconditionFailed.
enum IaaSConflict {
    static func exists(_ id: String) -> ServiceError { .preconditionFailed(message: "The resource '\(id)' already exists.") }
    static func missing(_ id: String) -> ServiceError { .preconditionFailed(message: "The resource '\(id)' does not exist.") }
    static func changed(_ id: String) -> ServiceError {
        .preconditionFailed(message: "The resource '\(id)' was changed by another request; read it again.")
    }
}

/// The `subscription/resourceGroup` part of an ARM id, lower-cased.
enum IaaSScope {
    static func of(_ id: String) -> String? {
        let parts = id.split(separator: "/").map { $0.lowercased() }
        guard parts.count >= 4, parts[0] == "subscriptions", parts[2] == "resourcegroups" else { return nil }
        return "\(parts[1])/\(parts[3])"
    }
}
