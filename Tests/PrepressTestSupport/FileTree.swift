import Foundation

/// Every file under `root`, by path relative to it, with its bytes.
public func readTree(_ root: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            result[relative] = FileManager.default.contents(atPath: root + "/" + relative)
        }
    }
    return result
}
