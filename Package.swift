// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "solieu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "solieu", targets: ["solieu"]),
        .library(name: "VietText", targets: ["VietText"]),
        .library(name: "Figures", targets: ["Figures"]),
        .library(name: "SoLieu", targets: ["SoLieu"]),
        .library(name: "FigureStore", targets: ["FigureStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
        // Named people, organisations, places and documents; the gazetteer and word lists as data.
        .target(
            name: "Entities",
            dependencies: ["VietText"],
            resources: [.copy("Resources/data")]
        ),
        // The system HTML5 parser (libgumbo-dev).
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: "gumbo",
            providers: [.apt(["libgumbo-dev"])]
        ),
        // The front: article sources (files, directories, stdin, JSON Lines, HTML) -> articles
        // (title, date, section, author, blocks, chrome removed) -> analyses (figures, entities,
        // the subject and place of each figure).
        .target(
            name: "SoLieu",
            dependencies: ["ICUCore", "VietText", "Figures", "Entities", "CGumbo"],
            resources: [.copy("Resources/data")]
        ),
        // The SQLite store: schema, migrations, ingest transactions, FTS5 with folding, queries,
        // and the cross-checker's findings.
        .target(
            name: "FigureStore",
            dependencies: ["SoLieu", "Figures", "Entities", "CrossCheck", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Relations between the figures of an article (sums, shares, averages, targets...) and
        // whether they hold within the printed precision; prints nothing.
        .target(name: "CrossCheck", dependencies: ["Figures", "SoLieu"]),
        // Subcommands: argument parsing and rendering only.
        .target(
            name: "SolieuCLI",
            dependencies: [
                "CrossCheck",
                "VietText",
                "Figures",
                "SoLieu",
                "Entities",
                "FigureStore",
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
        .executableTarget(
            name: "EntitiesBenchmark",
            dependencies: ["SoLieu", "Entities", "Figures"],
            path: "Benchmarks/EntitiesBenchmark"
        ),
        .executableTarget(
            name: "StoreBenchmark",
            dependencies: ["FigureStore", "SoLieu", "Figures"],
            path: "Benchmarks/StoreBenchmark"
        ),
        // Helpers the test targets share (the ../shared data), one copy.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ICUCoreTests", dependencies: ["ICUCore"]),
        .testTarget(name: "VietTextTests", dependencies: ["VietText", "TestSupport"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "TestSupport"]),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities", "VietText"]),
        .testTarget(name: "SoLieuTests", dependencies: ["SoLieu", "TestSupport"]),
        .testTarget(name: "FigureStoreTests", dependencies: ["FigureStore", "SoLieu", "Entities", "TestSupport",
                                                            .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CrossCheckTests", dependencies: ["CrossCheck", "SoLieu", "TestSupport"]),
        .testTarget(name: "SolieuCLITests", dependencies: ["SolieuCLI", "solieu", "SoLieu", "Entities", "TestSupport"]),
    ]
)
