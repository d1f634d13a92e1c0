import GRDB

/// The embedded datastore's tables, after kine's single log table: every change of a key is
/// one row of `kv`; the newest row of a key at or below a revision is its value there.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        return migrator
    }

    /// `kv.revision` is the store revision of the write (a txn writing several keys shares one);
    /// `id` orders rows inside a revision. The `old_*` columns keep the previous key-value in
    /// the row itself so a watch can send `prevKV` even after compaction removed that row.
    static let v1 = """
        CREATE TABLE kv (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            revision INTEGER NOT NULL,
            name TEXT NOT NULL,
            created INTEGER NOT NULL,
            deleted INTEGER NOT NULL,
            create_revision INTEGER NOT NULL,
            prev_revision INTEGER NOT NULL,
            version INTEGER NOT NULL,
            lease INTEGER NOT NULL,
            value BLOB,
            old_value BLOB,
            old_version INTEGER NOT NULL,
            old_lease INTEGER NOT NULL
        );
        CREATE INDEX kv_name_id ON kv(name, id);
        CREATE INDEX kv_revision ON kv(revision);
        CREATE INDEX kv_lease ON kv(lease) WHERE lease != 0;
        CREATE TABLE meta (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        INSERT INTO meta(name, value) VALUES ('revision', 0), ('compact_revision', 0);
        CREATE TABLE leases (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ttl INTEGER NOT NULL,
            expires_at REAL NOT NULL
        );
        """
}
