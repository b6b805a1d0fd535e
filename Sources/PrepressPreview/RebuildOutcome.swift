import Foundation
import PrepressBuild
import PrepressContent

/// What one rebuild did.
public enum RebuildOutcome: Sendable {
    case built(UpdateReport, warnings: [Diagnostic])
    case failed([Diagnostic])
}
