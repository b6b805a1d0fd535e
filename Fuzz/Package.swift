// swift-tools-version:6.0
// libFuzzer targets for Prepress's parsers (docs/fuzzing.md). Built and run by `make fuzz FUZZ_SECONDS=N`:
//   swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address
import PackageDescription


let package = Package(
    name: "PrepressFuzz",
    dependencies: [
        .package(name: "Prepress", path: ".."),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "fuzz-front-matter",
            dependencies: [.product(name: "PrepressContent", package: "Prepress"), "FuzzDriver"]
        ),
        .executableTarget(
            name: "fuzz-markdown",
            dependencies: [.product(name: "PrepressMarkdown", package: "Prepress"), "FuzzDriver"]
        ),
        .executableTarget(
            name: "fuzz-templates",
            dependencies: [.product(name: "PrepressTemplates", package: "Prepress"), "FuzzDriver"]
        ),
        .executableTarget(
            name: "fuzz-slugs",
            dependencies: [.product(name: "PrepressContent", package: "Prepress"), "FuzzDriver"]
        ),
    ]
)
