// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "solieu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "solieu", targets: ["solieu"]),
        .library(name: "VietText", targets: ["VietText"]),
        .library(name: "Figures", targets: ["Figures"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The system ICU (libicu-dev), through a shim of plain-C-typed inline wrappers.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // Swift API over ICU; imports no Foundation and exposes no ICU type.
        .target(name: "ICUCore", dependencies: ["CICU"]),
        // Normalization, tokens, sentences, words.
        .target(
            name: "VietText",
            dependencies: ["ICUCore"],
            resources: [.copy("Resources/lexicon"), .copy("Resources/data")]
        ),
        // The number grammar, figure assembly, time resolution and Figure records.
        .target(
            name: "Figures",
            dependencies: ["VietText"],
            resources: [.copy("Resources/data"), .copy("Resources/figure.schema.json")]
        ),
        // Subcommands: argument parsing and rendering only.
        .target(
            name: "SolieuCLI",
            dependencies: [
                "VietText",
                "Figures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "solieu", dependencies: ["SolieuCLI"]),
        .executableTarget(
            name: "SegmentBenchmark",
            dependencies: ["VietText"],
            path: "Benchmarks/SegmentBenchmark"
        ),
        .executableTarget(
            name: "FiguresBenchmark",
            dependencies: ["Figures"],
            path: "Benchmarks/FiguresBenchmark"
        ),
        // Helpers the test targets share (the ../shared data), one copy.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ICUCoreTests", dependencies: ["ICUCore"]),
        .testTarget(name: "VietTextTests", dependencies: ["VietText", "TestSupport"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "TestSupport"]),
        .testTarget(name: "SolieuCLITests", dependencies: ["SolieuCLI", "solieu", "TestSupport"]),
    ]
)
