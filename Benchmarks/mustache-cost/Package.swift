// swift-tools-version:6.0
// What Mustache costs: Prepress's own engine (PrepressTemplates, typed views) against swift-mustache 2.1.1 as
// published (dictionaries), per tag kind and per whole guide page, checking both render the same bytes:
//   cd Benchmarks/mustache-cost && swift run -c release
import PackageDescription

let package = Package(
    name: "mustache-cost",
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(name: "Prepress", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "mustache-cost",
            dependencies: [
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "PrepressTemplates", package: "Prepress"),
            ]
        ),
    ]
)
