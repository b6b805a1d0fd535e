import Foundation

/// What reading one guide gave: the guide, its errors, or nothing because the file is gone.
public enum GuideLoadResult: Sendable {
    case success(GuideSource)
    case failure(DiagnosticsError)
    case missing
}
