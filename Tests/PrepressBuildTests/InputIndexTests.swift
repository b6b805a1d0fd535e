import Foundation
import Testing
@testable import PrepressBuild
import PrepressContent
import PrepressTestSupport

/// The index of a build's inputs vouches for a file's bytes by its status only when nothing about the file
/// moved and it had settled before the recording build began; anything else, or an index that does not read
/// back whole, means reading the file.
@Suite struct InputIndexTests {
    static let second: Int64 = 1_000_000_000
    static let recordedAt: Int64 = 1_780_000_000 * second
    static let identity = FileIdentity(size: 120, modified: recordedAt - 60 * second, changed: recordedAt - 60 * second,
                                       inode: 42, device: 7)
    static let index = InputIndex(recordedAt: recordedAt, files: [
        "content/a.md": BuildFingerprint.FileDigest(hash: 0xABCD, file: identity),
        "site.yml": BuildFingerprint.FileDigest(hash: 0x1234, file: FileIdentity(size: 9, modified: -5, changed: 3, inode: 1, device: 1)),
    ])

    @Test func aFileWhoseStatusIsTheRecordedOneKeepsItsDigest() {
        #expect(Self.index.digest(of: "content/a.md", now: Self.identity) == 0xABCD)
        #expect(Self.index.digest(of: "content/b.md", now: Self.identity) == nil, "a file not recorded")
    }

    @Test func anyChangeOfStatusMeansReadingTheFile() {
        var changed: [FileIdentity] = []
        for change in [\FileIdentity.size, \.modified, \.changed] as [WritableKeyPath<FileIdentity, Int64>] {
            var identity = Self.identity
            identity[keyPath: change] += 1
            changed.append(identity)
        }
        for change in [\FileIdentity.inode, \.device] as [WritableKeyPath<FileIdentity, UInt64>] {
            var identity = Self.identity
            identity[keyPath: change] += 1
            changed.append(identity)
        }
        for identity in changed { #expect(Self.index.digest(of: "content/a.md", now: identity) == nil, "\(identity)") }
    }

    /// A file changed within the file system clock's tick of the recording build's read could be changed again
    /// within that tick, its status the same: only a file settled `clockSlack` before is vouched for.
    @Test func aFileChangedJustBeforeTheRecordingBuildIsReadAgain() {
        for (modified, changed) in [(Self.recordedAt - 1, Self.recordedAt - 60 * Self.second),
                                    (Self.recordedAt - 60 * Self.second, Self.recordedAt - BuildStamp.clockSlack),
                                    (Self.recordedAt + Self.second, Self.recordedAt + Self.second)] {
            let identity = FileIdentity(size: 120, modified: modified, changed: changed, inode: 42, device: 7)
            let index = InputIndex(recordedAt: Self.recordedAt, files: ["content/a.md": .init(hash: 1, file: identity)])
            #expect(index.digest(of: "content/a.md", now: identity) == nil)
        }
    }

    @Test func theIndexReadsBackAndADamagedOneIsNone() throws {
        let bytes = Self.index.encoded()
        #expect(InputIndex.decode(bytes) == Self.index)
        #expect(Self.index.encoded() == bytes, "the same index, the same bytes")
        for position in [0, bytes.count / 2, bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x10
            #expect(InputIndex.decode(damaged) == nil, "a flipped bit at \(position)")
        }
        #expect(InputIndex.decode(Array(bytes.dropLast(3))) == nil)
        #expect(InputIndex.decode([]) == nil)
    }

    @Test func aFilesStatusIsTheOneItsBytesWereReadWith() throws {
        let folder = try TemporaryFolder()
        try folder.write("text", to: "a.txt")
        let path = folder.path + "/a.txt"
        guard case .success(let read) = FileBytes.read(path) else {
            Issue.record("the file reads")
            return
        }
        let identity = try #require(FileIdentity.of(path))
        #expect(read.identity == identity && identity.size == 4 && read.modified == identity.modified)
        #expect(FileIdentity.of(folder.path) == nil, "a folder has no bytes to vouch for")
        #expect(FileIdentity.of(folder.path + "/missing") == nil)
    }
}
