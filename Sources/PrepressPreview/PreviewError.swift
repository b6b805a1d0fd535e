import Foundation
import Hummingbird
import Logging
import PrepressBuild
import PrepressContent
import ServiceLifecycle
import UnixSignals

public enum PreviewError: Error, CustomStringConvertible {
    case portInUse(host: String, port: Int)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "port \(port) on \(host) is already in use; choose another with --port, or --port 0 for any free port"
        }
    }
}
