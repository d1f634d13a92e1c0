import Testing

/// One suite every `ManagementStore` backend passes (DESIGN: the same store tests on SQLite and
/// PostgreSQL). Each test runs once per backend on a fresh database; tests live in extensions by concern.
@Suite("ManagementStore conformance")
struct ManagementStoreConformance {}
