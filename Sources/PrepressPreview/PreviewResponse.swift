import Foundation
import PrepressBuild
import PrepressContent

/// An answer of the preview server, before it becomes an HTTP response.
public struct PreviewResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]
}
