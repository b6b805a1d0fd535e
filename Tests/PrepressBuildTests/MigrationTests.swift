import Foundation
import Testing
import PrepressBuild
import PrepressContent
import PrepressTestSupport

/// Sites written for other generators build with the URLs they had (#17).
@Suite struct MigrationTests {
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func aNestedSlugMakesNestedFolders() throws {
        let site = try TemporarySite([
            "content/arrays.md": "---\nterm: Arrays\nslug: coding/arrays\npubDate: 2025-01-14\n---\nSee [trees](trees.md).\n",
            "content/trees.md": "---\ntitle: Trees\nslug: coding/data-structures/trees\ndate: 2025-01-15\n---\nSee [arrays](arrays.md#top).\n",
            "content/coding.md": "---\nterm: Coding\nslug: coding\npubDate: 2025-01-16\n---\nBody\n",
        ])
        _ = try SiteBuilder(options: site.options()).build()
        #expect(exists(site.output + "/guides/coding/arrays/index.html"))
        #expect(exists(site.output + "/guides/coding/data-structures/trees/index.html"))
        #expect(exists(site.output + "/guides/coding/index.html"))
        #expect(try read(site.output + "/guides/coding/arrays/index.html").contains("href=\"/guides/coding/data-structures/trees/\""))
        #expect(try read(site.output + "/guides/coding/data-structures/trees/index.html").contains("href=\"/guides/coding/arrays/#top\""))
        #expect(try read(site.output + "/sitemap.xml").contains("/guides/coding/data-structures/trees/</loc>"))
    }

    @Test func aNestedSlugThatLeavesItsFolderIsAnErrorAtItsLine() throws {
        let site = try TemporarySite([
            "content/a.md": "---\nterm: A\nslug: /coding/a\n---\n",
            "content/b.md": "---\nterm: B\nslug: coding//b\n---\n",
            "content/c.md": "---\nterm: C\nslug: coding/../../c\n---\n",
        ])
        let prefix = site.path + "/content/"
        let errors = site.buildErrors().map { $0.replacingOccurrences(of: prefix, with: "content/") }
        #expect(errors == [
            "content/a.md:3:7: error: 'slug' must not start with '/': it is a path under the guides' folder\n    hint: use lowercase letters, digits and hyphens, segments separated by '/', e.g. `slug: coding/a`",
            "content/b.md:3:7: error: 'slug' has an empty segment: write segments separated by one '/'\n    hint: use lowercase letters, digits and hyphens, segments separated by '/', e.g. `slug: coding/b`",
            "content/c.md:3:7: error: 'slug' must not contain '..' or '.' as a segment\n    hint: use lowercase letters, digits and hyphens, segments separated by '/', e.g. `slug: coding/c`",
        ])
    }
}
