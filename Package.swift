// swift-tools-version:6.0
import PackageDescription

#if canImport(Foundation)
import Foundation
#endif

// On Linux the prepress command is linked with jemalloc (Debian's libjemalloc-dev), which allocates faster than
// glibc's malloc for a build's many small strings on several threads; `PREPRESS_SYSTEM_MALLOC=1 swift build`
// builds without it. See docs/performance.md.
let linksJemalloc: Bool = {
    #if os(Linux) && canImport(Foundation)
    return ProcessInfo.processInfo.environment["PREPRESS_SYSTEM_MALLOC"] == nil
    #else
    return false
    #endif
}()

// Prepress runs on Linux: it uses renameat2 to swap the output folder in, /proc/self/exe, st_mtim and inotify.
#if !os(Linux)
#error("Prepress builds on Linux only (see README, Platforms)")
#endif

let package = Package(
    name: "Prepress",
    products: [
        .executable(name: "prepress", targets: ["prepress"]),
        // The template engine, for Benchmarks/mustache-cost; the parsers, for Fuzz/ (libFuzzer targets).
        .library(name: "PrepressTemplates", targets: ["PrepressTemplates"]),
        .library(name: "PrepressContent", targets: ["PrepressContent"]),
        .library(name: "PrepressMarkdown", targets: ["PrepressMarkdown"]),
    ],
    dependencies: [
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // YAML front matter and site.yml: libyaml's events (Debian's libyaml-dev), composed into our tree by
        // YAMLTreeParser. docs/fuzzing.md says why not Yams.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        // The build cache's shard files are LZ4 blocks (Debian's liblz4-dev): a fifth of their size, at no
        // measurable cost to a build or a rebuild (docs/performance.md).
        .systemLibrary(
            name: "CLZ4",
            pkgConfig: "liblz4",
            providers: [.apt(["liblz4-dev"])]
        ),
        // The processor's prefetch hint (one inline C function; no library).
        .systemLibrary(name: "CPrefetch"),
        // Code highlighting: KDE's KSyntaxHighlighting (Debian's libkf5syntaxhighlighting-dev, C++ on Qt 5) behind a
        // C interface of our own. docs/highlighting.md says why this library. CQt5 brings Qt's compiler flags.
        .systemLibrary(
            name: "CQt5",
            pkgConfig: "Qt5Gui",
            providers: [.apt(["qtbase5-dev"])]
        ),
        .target(
            name: "CSyntaxHighlighting",
            dependencies: ["CQt5"],
            linkerSettings: [.linkedLibrary("KF5SyntaxHighlighting"), .linkedLibrary("Qt5Gui"), .linkedLibrary("Qt5Core")]
        ),
        .target(name: "PrepressMarkdown", dependencies: ["CCmark", "CSyntaxHighlighting"]),
        .target(
            name: "PrepressContent",
            dependencies: [
                "CYAML",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "PrepressTemplates",
            dependencies: ["PrepressContent"]
        ),
        .target(
            name: "PrepressBuild",
            dependencies: ["PrepressMarkdown", "PrepressContent", "PrepressTemplates", "CPrefetch", "CLZ4"]
        ),
        .target(
            name: "PrepressPreview",
            dependencies: [
                "PrepressBuild",
                "PrepressContent",
                // For the HTML escaping of the error overlay.
                "PrepressTemplates",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "PrepressCLI",
            dependencies: [
                "PrepressBuild",
                "PrepressPreview",
                "PrepressTemplates",
                "PrepressContent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "prepress",
            dependencies: ["PrepressCLI"] + (linksJemalloc ? ["CJemalloc"] : []),
            swiftSettings: linksJemalloc ? [.define("PREPRESS_JEMALLOC")] : []
        ),
        // What every test target shares: temporary sites and folders, the fixed clock, reading a tree, golden trees.
        .target(
            name: "PrepressTestSupport",
            dependencies: ["PrepressBuild", "PrepressContent"],
            path: "Tests/PrepressTestSupport"
        ),
        .testTarget(name: "PrepressMarkdownTests", dependencies: ["PrepressMarkdown", "PrepressTestSupport"]),
        .testTarget(name: "PrepressContentTests", dependencies: ["PrepressContent", "PrepressTestSupport"]),
        .testTarget(name: "PrepressTemplatesTests", dependencies: ["PrepressTemplates", "PrepressTestSupport"]),
        .testTarget(
            name: "PrepressBuildTests",
            dependencies: ["PrepressBuild", "PrepressContent", "PrepressMarkdown", "PrepressTestSupport"]
        ),
        .testTarget(
            name: "PrepressPreviewTests",
            dependencies: [
                "PrepressPreview", "PrepressBuild", "PrepressContent", "PrepressTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "PrepressCLITests",
            dependencies: [
                "PrepressCLI", "PrepressBuild", "PrepressContent", "PrepressTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    cxxLanguageStandard: .cxx17
)

// Extensions are visible only in files that import their module, so a dependency's conformances
// (TOMLKit makes String literals into TOMLValue) cannot change how code elsewhere type-checks.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
