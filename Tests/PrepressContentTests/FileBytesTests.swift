import Foundation
import Testing
@testable import PrepressContent

/// A whole file read with its time, as the loader and the build stamp read their inputs.
struct FileBytesTests {
    @Test func readsTheBytesAndTheTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prepress-filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.md")
        let text = String(repeating: "résumé\n", count: 3000)
        try Data(text.utf8).write(to: file)
        let when = Date(timeIntervalSince1970: 1_700_000_000.25)
        try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: file.path)

        let read = try FileBytes.read(file.path).get()
        #expect(read.bytes == Array(text.utf8))
        #expect(abs(Double(read.modified) / 1e9 - when.timeIntervalSince1970) < 0.01)

        try Data().write(to: file)
        #expect(try FileBytes.read(file.path).get().bytes.isEmpty)
        #expect(FileBytes.read(folder.appendingPathComponent("gone.md").path) == .failure(.missing))
        #expect(FileBytes.read(folder.path) == .failure(.notRegular))
    }

    /// A file can hold more than its size said when it was opened (one written to meanwhile); Linux's
    /// /proc files say 0 and hold kilobytes, so they show the read goes on past the size it was given.
    @Test func readsPastTheSizeTheFileSaid() throws {
        let path = "/proc/cpuinfo"
        var info = stat()
        try #require(stat(path, &info) == 0 && info.st_size == 0)
        let handle = try #require(FileHandle(forReadingAtPath: path))
        let expected = try #require(try handle.readToEnd())
        let read = try FileBytes.read(path).get()
        #expect(read.bytes == Array(expected))
    }
}
