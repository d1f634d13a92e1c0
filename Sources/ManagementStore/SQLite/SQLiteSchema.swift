/// Tables of the embedded store. Each record is one JSON document plus the columns it is queried by.
enum SQLiteSchema {
    static let v1 = """
        CREATE TABLE subscriptions (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, body TEXT NOT NULL);
        CREATE INDEX subscriptions_tenant ON subscriptions(tenant_id);
        CREATE TABLE grants (id TEXT PRIMARY KEY, body TEXT NOT NULL);
        CREATE TABLE clusters (
            key TEXT PRIMARY KEY, subscription TEXT NOT NULL, resource_group TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL);
        CREATE INDEX clusters_scope ON clusters(subscription, resource_group, name);
        CREATE TABLE agent_pools (key TEXT PRIMARY KEY, cluster_key TEXT NOT NULL, created REAL NOT NULL, body TEXT NOT NULL);
        CREATE INDEX agent_pools_cluster ON agent_pools(cluster_key, created);
        CREATE TABLE operations (
            id TEXT PRIMARY KEY, cluster_key TEXT NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL, created REAL NOT NULL,
            lease_owner TEXT, lease_expiry REAL, body TEXT NOT NULL);
        CREATE INDEX operations_active ON operations(state, created);
        CREATE INDEX operations_cluster ON operations(cluster_key, state);
        CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, resource_key TEXT NOT NULL, time REAL NOT NULL, body TEXT NOT NULL);
        CREATE INDEX events_resource ON events(resource_key, seq);
        """

    /// The simulated IaaS: one generic table, keyed by lower-cased ARM id.
    static let iaas = """
        CREATE TABLE iaas_resources (
            key TEXT PRIMARY KEY, subscription TEXT NOT NULL, resource_group TEXT NOT NULL, type TEXT NOT NULL,
            etag TEXT NOT NULL, body TEXT NOT NULL);
        CREATE INDEX iaas_resources_scope ON iaas_resources(subscription, resource_group, type);
        """

    /// Policy findings: the current set per cluster (SUP4).
    static let findings = """
        CREATE TABLE findings (cluster_key TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (cluster_key, id));
        """
}
