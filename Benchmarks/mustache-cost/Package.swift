// swift-tools-version:6.0
// What one Mustache tag costs in swift-mustache, the engine Prepress renders pages with:
//   cd Benchmarks/mustache-cost && swift run -c release
import PackageDescription

let package = Package(
    name: "mustache-cost",
    dependencies: [.package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1")],
    targets: [
        .executableTarget(name: "mustache-cost", dependencies: [.product(name: "Mustache", package: "swift-mustache")]),
    ]
)
