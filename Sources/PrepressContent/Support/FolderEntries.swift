import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a folder's entries straight from `readdir`, for the walks over a whole folder (content/, and the
/// output, a folder per page): `FileManager` would build an array of names first and a path and a `stat` for
/// each to tell folders.
public enum FolderEntries {
    /// Calls `body` with the open folder's descriptor (for `fstatat`, `unlinkat`), and each entry's name and
    /// `d_type`, `.` and `..` left out. False when the folder cannot be opened or `body` returns false.
    public static func forEach(in folder: String, _ body: (_ descriptor: Int32, _ name: String, _ type: UInt8) -> Bool) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            guard body(descriptor, name, entry.pointee.d_type) else { return false }
        }
        return true
    }
}
