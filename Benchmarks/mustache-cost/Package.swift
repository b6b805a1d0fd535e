// swift-tools-version:6.0
// What one Mustache tag costs: swift-mustache 2.1.1 as published, against the copy Prepress vendors
// (Sources/Mustache, linked here as VendoredMustache), with plain and typed views:
//   cd Benchmarks/mustache-cost && swift run -c release
import PackageDescription

let package = Package(
    name: "mustache-cost",
    dependencies: [.package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1")],
    targets: [
        .target(name: "VendoredMustache", exclude: ["README.md", "LICENSE.txt"]),
        .executableTarget(
            name: "mustache-cost",
            dependencies: [.product(name: "Mustache", package: "swift-mustache"), "VendoredMustache"]
        ),
    ]
)
