import PostgresNIO

/// Tables of the shared store, the same layout as `SQLiteSchema`: each record is one JSON
/// document plus the columns it is queried by; instants are seconds since 1970 as in SQLite.
enum PostgresSchema {
    /// Advisory-lock class ids (`pg_advisory_xact_lock(class, object)`), so the store's locks
    /// never meet another component's.
    enum LockClass {
        static let migration: Int32 = 0x484D_0001
        static let clusterCommit: Int32 = 0x484D_0002
        /// Writers of one resource group's IaaS resources (`iaas_resources`).
        static let iaasCommit: Int32 = 0x484D_0003
    }

    /// One statement per query: the extended protocol takes no multi-statement strings.
    /// Every statement is idempotent, so `migrate()` may run on every start of every replica.
    static let v1: [PostgresQuery] = [
        "CREATE TABLE IF NOT EXISTS subscriptions (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, body TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS subscriptions_tenant ON subscriptions(tenant_id)",
        "CREATE TABLE IF NOT EXISTS grants (id TEXT PRIMARY KEY, body TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS clusters (
            key TEXT PRIMARY KEY, subscription TEXT NOT NULL, resource_group TEXT NOT NULL, name TEXT NOT NULL,
            body TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS clusters_scope ON clusters(subscription, resource_group, name)",
        """
        CREATE TABLE IF NOT EXISTS agent_pools (
            key TEXT PRIMARY KEY, cluster_key TEXT NOT NULL, created DOUBLE PRECISION NOT NULL, body TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS agent_pools_cluster ON agent_pools(cluster_key, created)",
        """
        CREATE TABLE IF NOT EXISTS operations (
            id TEXT PRIMARY KEY, cluster_key TEXT NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL,
            created DOUBLE PRECISION NOT NULL, lease_owner TEXT, lease_expiry DOUBLE PRECISION, body TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS operations_active ON operations(state, created)",
        "CREATE INDEX IF NOT EXISTS operations_cluster ON operations(cluster_key, state)",
        // At most one operation in progress per cluster, whichever replica accepted it.
        """
        CREATE UNIQUE INDEX IF NOT EXISTS \(unescaped: oneInProgressIndex)
        ON operations(cluster_key) WHERE state = 'InProgress'
        """,
        """
        CREATE TABLE IF NOT EXISTS events (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, resource_key TEXT NOT NULL,
            time DOUBLE PRECISION NOT NULL, body TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS events_resource ON events(resource_key, seq)",
    ]

    /// The simulated IaaS: one generic table, keyed by lower-cased ARM id (idempotent, as `v1`).
    static let iaas: [PostgresQuery] = [
        """
        CREATE TABLE IF NOT EXISTS iaas_resources (
            key TEXT PRIMARY KEY, subscription TEXT NOT NULL, resource_group TEXT NOT NULL, type TEXT NOT NULL,
            etag TEXT NOT NULL, body TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS iaas_resources_scope ON iaas_resources(subscription, resource_group, type)",
    ]

    /// Policy findings: the current set per cluster (SUP4).
    static let findings: [PostgresQuery] = [
        "CREATE TABLE IF NOT EXISTS findings (cluster_key TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (cluster_key, id))"
    ]

    /// The partial unique index behind `ServiceError.operationInProgress`.
    static let oneInProgressIndex = "operations_one_in_progress"
}
