// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "harbormaster",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hm", targets: ["hm"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.3.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // Ids, names, the clock, errors, catalogs kept as data. Depends on nothing of ours.
        .target(
            name: "Core",
            dependencies: [
                .product(name: "Logging", package: "swift-log")
            ],
            swiftSettings: swiftSettings
        ),
        // Durable records behind one protocol: SQLite (GRDB) and PostgreSQL (postgres-nio).
        .target(
            name: "ManagementStore",
            dependencies: [
                "Core",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Per-cluster datastore with etcd semantics: embedded SQLite, or a supervised etcd.
        .target(
            name: "ControlPlaneStore",
            dependencies: [
                "Core",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The simulated IaaS: node resource groups, scale sets and VMs, networks, NSGs; service and direct paths.
        .target(
            name: "Infrastructure",
            dependencies: ["Core", "ManagementStore"],
            swiftSettings: swiftSettings
        ),
        // Long-running operations: accept, persist, claim, run, resume after restart.
        .target(
            name: "Operations",
            dependencies: [
                "Core", "ManagementStore", "Reconcile",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Desired state -> actual state, one controller per resource kind.
        .target(
            name: "Reconcile",
            dependencies: [
                "Core", "ManagementStore", "ControlPlaneStore", "KubeAPI", "Infrastructure", "Policy", "NodeAgent", "ClusterControllers",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // ARM wire types shared by the server and the `hm` CLI.
        .target(
            name: "Wire",
            dependencies: [],
            swiftSettings: swiftSettings
        ),
        // The ARM-shaped management API: routes, api-versions, validation, auth, errors.
        .target(
            name: "ManagementAPI",
            dependencies: [
                "Core", "ManagementStore", "Operations", "Reconcile", "Wire", "KubeAPI", "Policy", "NodeAgent", "Infrastructure",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // Composition root: one `buildApplication(configuration:)` for `hm serve` and the tests.
        .target(
            name: "Server",
            dependencies: [
                "Core", "ManagementStore", "ControlPlaneStore", "Operations", "Reconcile", "ManagementAPI", "KubeAPI", "Infrastructure",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // The hosted Kubernetes API: served kinds as data, storage on a cluster's datastore,
        // discovery, OpenAPI, tables, patches, protobuf bodies, authentication, RBAC, admission.
        .target(
            name: "KubeAPI",
            dependencies: [
                "Core", "ControlPlaneStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The controllers a cluster needs for workloads: scheduler, ReplicaSet, Deployment,
        // DaemonSet, node lifecycle and pod GC, as clients of the hosted API.
        .target(
            name: "ClusterControllers",
            dependencies: [
                "Core", "KubeAPI",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Simulated kubelets: register Nodes, renew Leases, report conditions, run pods through stages, faults.
        .target(
            name: "NodeAgent",
            dependencies: ["Core", "KubeAPI"],
            swiftSettings: swiftSettings
        ),
        // The support policy as data plus pure functions: facts + clock -> findings, report, lifecycle.
        .target(
            name: "Policy",
            dependencies: ["Core"],
            swiftSettings: swiftSettings
        ),
        // `hm` subcommands that are clients of the management API over HTTP.
        .target(
            name: "CLI",
            dependencies: [
                "Core", "Wire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "hm",
            dependencies: [
                "CLI", "Server", "Core",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // `hm-bench`: datastore puts/s and hosted-API watch latency for scripts/bench/hosted-api.
        .executableTarget(
            name: "hm-bench",
            dependencies: [
                "Core", "ControlPlaneStore", "KubeAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Benchmarks/HostedAPIBench",
            swiftSettings: swiftSettings
        ),
        // Fixtures shared by tests: an in-process service on port 0, a manual clock, a PostgreSQL URL.
        .target(
            name: "TestSupport",
            dependencies: [
                "Core", "ManagementStore", "Server",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoreTests",
            dependencies: ["Core"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ManagementStoreTests",
            dependencies: ["Core", "ManagementStore", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ControlPlaneStoreTests",
            dependencies: ["Core", "ControlPlaneStore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KubeAPITests",
            dependencies: ["Core", "ControlPlaneStore", "KubeAPI"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ClusterControllersTests",
            dependencies: ["Core", "ControlPlaneStore", "KubeAPI", "ClusterControllers"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NodeAgentTests",
            dependencies: ["Core", "ControlPlaneStore", "KubeAPI", "NodeAgent"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PolicyTests",
            dependencies: ["Policy"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InfrastructureTests",
            dependencies: [
                "Core", "ManagementStore", "Infrastructure", "TestSupport", "Wire", "ManagementAPI", "Server",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["CLI", "Wire"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Core", "ManagementStore", "ControlPlaneStore", "Server", "TestSupport", "Wire", "CLI", "KubeAPI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
