import Foundation
import PrepressContent

/// A guide chosen for this build, with its URL, not yet rendered.
struct PlacedGuide: Sendable {
    var source: GuideSource
    var slug: String
    var path: String
}
