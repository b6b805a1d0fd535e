import Foundation
import PrepressContent
import PrepressMarkdown

/// Unsigned LEB128: seven bits a byte, low bits first, the high bit set on every byte but the last.
enum Varint {
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
