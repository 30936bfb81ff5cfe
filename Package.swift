// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "DriftWatch",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DriftStats", targets: ["DriftStats"]),
        .library(name: "DriftWatchCore", targets: ["DriftWatchCore"]),
        .executable(name: "driftwatch", targets: ["driftwatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // Pure statistics: no I/O, no dependencies beyond the standard library and Foundation.
        .target(name: "DriftStats"),
        // The domain: tables, schemas, reports. Defines the ports that adapters implement.
        .target(name: "DriftWatchCore", dependencies: ["DriftStats"]),
        .executableTarget(
            name: "driftwatch",
            dependencies: [
                "DriftWatchCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "DriftStatsBenchmarks", dependencies: ["DriftStats"], path: "Sources/DriftStatsBenchmarks"),
        .testTarget(
            name: "DriftStatsTests",
            dependencies: ["DriftStats"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "DriftWatchCoreTests", dependencies: ["DriftWatchCore"]),
        .testTarget(name: "DriftWatchCLITests"),
    ],
    swiftLanguageModes: [.v6]
)
