// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "DriftWatch",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DriftStats", targets: ["DriftStats"]),
        .library(name: "DriftWatchCore", targets: ["DriftWatchCore"]),
        .library(name: "DriftWatchSQLite", targets: ["DriftWatchSQLite"]),
        .executable(name: "driftwatch", targets: ["driftwatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Pure statistics: no I/O, no dependencies beyond the standard library and Foundation.
        .target(name: "DriftStats"),
        // The domain: tables, schemas, reports. Defines the ports that adapters implement.
        .target(name: "DriftWatchCore", dependencies: ["DriftStats"]),
        // The SQLite adapter of the storage port (`EventStore`); the only place that writes SQL for it.
        .target(
            name: "DriftWatchSQLite",
            dependencies: [
                "DriftWatchCore", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding inserted rows without GRDB's argument arrays.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The HTTP server: routes, ingest pipeline. Statistics and SQL live below it.
        .target(
            name: "DriftWatchServer",
            dependencies: [
                "DriftWatchCore",
                "DriftWatchAlerting",
                "DriftWatchCharts",
                "DriftWatchSimulation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Alert rules, state, routing, silences and notification delivery.
        .target(
            name: "DriftWatchAlerting",
            dependencies: [
                "DriftWatchCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // SVG charts for the dashboard and reports: no dependencies, no JavaScript.
        .target(name: "DriftWatchCharts"),
        // Demo models, their data generators and failure scenarios.
        .target(name: "DriftWatchSimulation", dependencies: ["DriftWatchCore", "DriftStats"]),
        .executableTarget(
            name: "driftwatch",
            dependencies: [
                "DriftWatchCore",
                "DriftWatchServer",
                "DriftWatchSQLite",
                "DriftWatchSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "DriftStatsBenchmarks", dependencies: ["DriftStats"], path: "Sources/DriftStatsBenchmarks"),
        .testTarget(
            name: "DriftStatsTests",
            dependencies: ["DriftStats"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "DriftWatchCoreTests", dependencies: ["DriftWatchCore", "DriftStats"]),
        .testTarget(
            name: "DriftWatchSQLiteTests",
            dependencies: ["DriftWatchSQLite", "DriftWatchCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "DriftWatchServerTests",
            dependencies: [
                "DriftWatchServer", "DriftWatchCore", "DriftWatchSQLite",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "DriftWatchCLITests"),
        .testTarget(
            name: "DriftWatchAlertingTests",
            dependencies: [
                "DriftWatchAlerting", "DriftWatchCore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "DriftWatchChartsTests", dependencies: ["DriftWatchCharts"]),
        .testTarget(
            name: "DriftWatchSimulationTests",
            dependencies: ["DriftWatchSimulation", "DriftWatchCore", "DriftStats"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
