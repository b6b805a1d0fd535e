import Foundation

/// The search index's files, made the first time they are asked for, once.
///
/// A build asks at once (the "index for search" stage). The preview asks when a browser fetches the index:
/// indexing 10,000 guides again on every save would add half a second to each reload, for a search box
/// nobody may open before the next save.
final class SearchIndexFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var made: (files: [RenderedPage], byPath: [String: RenderedPage])?
    private let make: @Sendable (SearchIndexer.ChunkKeeping?) -> [RenderedPage]

    init(_ make: @escaping @Sendable (SearchIndexer.ChunkKeeping?) -> [RenderedPage]) {
        self.make = make
    }

    /// No index: the site has `search: false`.
    static let none = SearchIndexFiles { _ in [] }

    var files: [RenderedPage] { index().files }

    /// The files for a build into an output folder that holds the last build's: each file of display data
    /// that `keep` keeps is a kept page (`RenderedPage.kept`), not made again. Not remembered: the files a
    /// later caller asks for (`files`, `file(at:)`) are all made.
    func files(keeping keep: SearchIndexer.ChunkKeeping) -> [RenderedPage] { make(keep) }

    /// One file of the index by its path under the output folder.
    func file(at path: String) -> RenderedPage? { index().byPath[path] }

    private func index() -> (files: [RenderedPage], byPath: [String: RenderedPage]) {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let files = make(nil)
        let index = (files, Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }))
        made = index
        return index
    }
}
