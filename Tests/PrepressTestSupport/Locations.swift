import Foundation

/// The fixed clock of every test build: 2026-01-01T00:00:00Z.
public let fixedNow = Date(timeIntervalSince1970: 1_767_225_600)

/// The repository root, which is also the demo site.
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Tests/Fixtures: sites and their golden trees, kept byte for byte (see Tests/Fixtures/.gitattributes).
public let fixturesDirectory = repositoryRoot + "/Tests/Fixtures"
