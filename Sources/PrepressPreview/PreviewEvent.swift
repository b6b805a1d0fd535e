import Foundation
import Hummingbird
import Logging
import PrepressBuild
import PrepressContent
import ServiceLifecycle
import UnixSignals

/// What the preview tells the terminal.
public enum PreviewEvent: Sendable {
    case listening(url: String)
    case built([Diagnostic], errors: [Diagnostic], seconds: Double)
    case rebuilt(RebuildOutcome, paths: [String])
}
