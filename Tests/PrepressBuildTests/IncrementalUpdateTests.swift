import Foundation
import Testing
@testable import PrepressBuild
import PrepressContent
import PrepressTestSupport

/// After any change, an update must give exactly the files a fresh build of the changed site gives.
@Suite struct IncrementalUpdateTests {
    func guide(_ term: String, day: Int, tags: String = "[\"Shared\", \"Other\"]", category: String = "Sales", body: String = "") -> String {
        """
        ---
        term: "\(term)"
        category: "\(category)"
        tags: \(tags)
        pubDate: 2025-01-\(day < 10 ? "0" : "")\(day)
        ---
        ## Technical Questions

        ### Question 1: What about \(term)?

        Answer for \(term). \(body)
        """
    }

    func makeSite(with extra: [String: String] = [:]) throws -> TemporarySite {
        var files = ["site.yml": "paginate: 2\nquestions_per_page: 3\n", "content/images/a.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"]
        files.merge(extra) { _, new in new }
        for day in 1...6 {
            files["content/g\(day).md"] = guide("Guide \(day)", day: day, tags: day % 2 == 0 ? "[\"Shared\", \"Even\"]" : "[\"Shared\"]")
        }
        return try TemporarySite(files)
    }

    func everyFile(_ state: SiteState) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: state.paths.map { ($0, state.file(at: $0) ?? []) })
    }

    /// Applies `edit` to the site, updates `state` with `changes`, and compares with a fresh build.
    func expectUpdateMatchesFreshBuild(
        _ site: TemporarySite, _ state: SiteState, changes: SiteChanges, kind: UpdateReport.Kind,
        _ edit: () throws -> Void
    ) throws -> SiteState {
        // Every page seen before the edit (as a browser would have), so that a page the update should have
        // dropped from the cache shows as a difference.
        _ = everyFile(state)
        try edit()
        let (updated, report) = try SiteBuilder(options: site.options()).update(state, with: changes)
        let fresh = try SiteBuilder(options: site.options()).makeState()
        #expect(report.kind == kind)
        let updatedFiles = everyFile(updated)
        let freshFiles = everyFile(fresh)
        #expect(updatedFiles.keys.sorted() == freshFiles.keys.sorted())
        for (path, bytes) in freshFiles where updatedFiles[path] != bytes {
            Issue.record("\(path) differs from a fresh build after \(changes)")
        }
        #expect(updated.warnings == fresh.warnings)
        return updated
    }

    func write(_ site: TemporarySite, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: site.path + "/" + path))
    }

    @Test func thePreviewServesTheBuildsBytesAndKnowsEachPagesPathBeforeRenderingIt() throws {
        let site = try makeSite()
        let state = try SiteBuilder(options: site.options()).makeState()
        let renderer = state.pages.renderer
        for job in state.pages.jobs {
            guard let page = renderer.render(job) else { continue }
            #expect(renderer.path(of: job) == page.path)
            #expect(renderer.sitemapEntry(of: job) == page.sitemap, "\(page.path)")
        }
        let sink = MemoryOutputSink()
        _ = try SiteBuilder(options: site.options()).build(into: sink)
        #expect(state.allFiles == sink.files)
    }

    @Test func editingABodyReRendersOnlyThePagesThatShowIt() throws {
        let site = try makeSite()
        var state = try SiteBuilder(options: site.options()).makeState()
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g3.md"]), kind: .changedPages) {
            try write(site, "content/g3.md", guide("Guide 3", day: 3, tags: "[\"Shared\"]", body: String(repeating: "More words here. ", count: 300)))
        }
        let (_, report) = try SiteBuilder(options: site.options()).update(state, with: SiteChanges(guides: ["g3.md"]))
        #expect(report.stalePages < state.pages.jobs.count / 2, "\(report.stalePages) of \(state.pages.jobs.count)")
    }

    @Test func addingAQuestionShiftsTheQuestionBank() throws {
        let site = try makeSite()
        let state = try SiteBuilder(options: site.options()).makeState()
        _ = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g2.md"]), kind: .changedPages) {
            try write(site, "content/g2.md", guide("Guide 2", day: 2, tags: "[\"Shared\", \"Even\"]", body: "\n\n### Question 2: And then?\n\nMore.\n"))
        }
    }

    @Test func aNewDescriptionOrModDateReRendersTheListsAndFeedsThatShowIt() throws {
        let site = try makeSite()
        var state = try SiteBuilder(options: site.options()).makeState()
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g1.md"]), kind: .changedPages) {
            let text = guide("Guide 1", day: 1, tags: "[\"Shared\"]").replacingOccurrences(
                of: "pubDate: 2025-01-01", with: "pubDate: 2025-01-01\ndescription: A new summary.\nmodDate: 2025-03-01")
            try write(site, "content/g1.md", text)
        }
        #expect(state.file(at: "feed.xml").map { String(decoding: $0, as: UTF8.self).contains("A new summary.") } == true)
    }

    @Test func frontMatterNewDeletedAndRenamedGuidesReRenderEveryPage() throws {
        let site = try makeSite()
        var state = try SiteBuilder(options: site.options()).makeState()
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g1.md"]), kind: .allPages) {
            try write(site, "content/g1.md", guide("Guide One Renamed", day: 9, tags: "[\"New Tag\"]", category: "Operations"))
        }
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g7.md"]), kind: .allPages) {
            try write(site, "content/g7.md", guide("Guide 7", day: 7))
        }
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g4.md"]), kind: .allPages) {
            try FileManager.default.removeItem(atPath: site.path + "/content/g4.md")
        }
        _ = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g5.md", "renamed.md"]), kind: .allPages) {
            try FileManager.default.moveItem(atPath: site.path + "/content/g5.md", toPath: site.path + "/content/renamed.md")
        }
    }

    /// A structural update keeps the renderings of the guides whose files did not change — except where a link
    /// of theirs now leads elsewhere: retitling a guide moves its URL, and a guide linking to it is rendered
    /// again with the new link.
    @Test func aStructuralUpdateRendersAgainTheGuidesWhoseLinksMoved() throws {
        let site = try makeSite()
        try write(site, "content/g2.md", guide("Guide 2", day: 2, body: "See [the first guide](g1.md)."))
        var state = try SiteBuilder(options: site.options()).makeState()
        #expect(state.file(at: "guides/guide-2/index.html").map { String(decoding: $0, as: UTF8.self) }?.contains("href=\"/guides/guide-1/\"") == true)
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g1.md"]), kind: .allPages) {
            try write(site, "content/g1.md", guide("Guide One Retitled", day: 1))
        }
        #expect(state.file(at: "guides/guide-2/index.html").map { String(decoding: $0, as: UTF8.self) }?.contains("href=\"/guides/guide-one-retitled/\"") == true)
        _ = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g3.md"]), kind: .termsChanged) {
            try write(site, "content/g3.md", guide("Guide 3", day: 3, tags: "[\"Shared\", \"Brand New\"]"))
        }
    }

    /// A change of terms alone keeps every guide's place and rendering and makes the taxonomies, related guides
    /// and cards again: a tag added, a term gone, a category respelled so that its name flips for guides that
    /// did not change, a guide moved to another category (its neighbours move) — each against a fresh build,
    /// with the built-in card and with cards that show what such a change reaches (neighbours, related guides,
    /// the number of terms).
    @Test(arguments: [
        nil,
        "<p>{{term}} {{#category}}{{name}}{{/category}} {{#previous}}after {{title}}{{/previous}} {{#next}}before {{title}}{{/next}}</p>\n",
        "<p>{{term}}{{#related}} {{term}}{{/related}}</p>\n",
        "<p>{{term}} {{#has_related}}related{{/has_related}}</p>\n",
        "<p>{{term}}{{#site.taxonomies}} {{term_count}}{{/site.taxonomies}}</p>\n",
    ] as [String?])
    func aChangeOfTermsKeepsPlacesAndRedrawsWhatShowsIt(card: String?) throws {
        let site = try makeSite(with: card.map { ["templates/partials/guide-card.mustache": $0] } ?? [:])
        var state = try SiteBuilder(options: site.options()).makeState()
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g1.md"]), kind: .termsChanged) {
            try write(site, "content/g1.md", guide("Guide 1", day: 1, tags: "[\"Shared\", \"Fresh\"]"))
        }
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g1.md"]), kind: .termsChanged) {
            try write(site, "content/g1.md", guide("Guide 1", day: 1, tags: "[\"Even\"]"))
        }
        // Four of six guides spell it "sales": the category's name is theirs now, on every card that shows it.
        let respelled: Set<String> = ["g1.md", "g2.md", "g3.md", "g4.md"]
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: respelled), kind: .termsChanged) {
            for (day, path) in respelled.sorted().enumerated() {
                try write(site, "content/" + path, guide("Guide \(day + 1)", day: day + 1, tags: "[\"Shared\"]", category: "sales"))
            }
        }
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g3.md"]), kind: .termsChanged) {
            try write(site, "content/g3.md", guide("Guide 3", day: 3, tags: "[\"Shared\", \"Even\"]", category: "Operations"))
        }
        // Terms and a body at once.
        _ = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g5.md"]), kind: .termsChanged) {
            try write(site, "content/g5.md", guide("Guide 5", day: 5, tags: "[]", body: "Rewritten too."))
        }
    }

    /// Where the site's URLs hold the category, a guide moved to another category moves: every stage runs.
    @Test func aCategoryInTheURLMakesACategoryChangeAMove() throws {
        let site = try makeSite()
        try write(site, "site.yml", "paginate: 2\npermalinks: {guide: \"/:category/:slug/\"}\n")
        let state = try SiteBuilder(options: site.options()).makeState()
        _ = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g2.md"]), kind: .allPages) {
            try write(site, "content/g2.md", guide("Guide 2", day: 2, category: "Operations"))
        }
    }

    /// Related guides after a change of tags: only the guides that could list another are looked at again
    /// (`BuildStages.findRelated(_:last:oldTags:)`), so twenty guides with full lists of five, and a series of
    /// tag changes that move changed guides into, within and out of others' lists, each against a fresh build.
    @Test func relatedGuidesFollowEveryChangeOfTags() throws {
        let names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
        func tags(_ seed: Int) -> String {
            "[" + names.indices.filter { (seed >> $0) & 1 == 1 }.map { "\"\(names[$0])\"" }.joined(separator: ", ") + "]"
        }
        var files = ["site.yml": "paginate: 5\n"]
        var current: [Int: (tags: Int, ops: Bool)] = [:]
        for day in 1...20 {
            current[day] = (day * 7 % 32, day % 3 == 0)
            files["content/g\(day).md"] = guide("Guide \(day)", day: day, tags: tags(day * 7 % 32), category: day % 3 == 0 ? "Ops" : "Sales")
        }
        let site = try TemporarySite(files)
        var state = try SiteBuilder(options: site.options()).makeState()
        var seed = 11
        for _ in 0..<12 {
            seed = (seed * 1_103_515_245 + 12_345) & 0x7fff_ffff
            let day = seed % 20 + 1
            var next = (tags: (seed >> 4) % 32, ops: (seed >> 9) % 2 == 0)
            if next == current[day]! { next.tags ^= 1 }
            current[day] = next
            state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g\(day).md"]), kind: .termsChanged) {
                try write(site, "content/g\(day).md", guide("Guide \(day)", day: day, tags: tags(next.tags), category: next.ops ? "Ops" : "Sales"))
            }
        }
    }

    @Test func staticFilesTemplatesAndSettings() throws {
        let site = try makeSite()
        var state = try SiteBuilder(options: site.options()).makeState()
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(staticFiles: true), kind: .changedPages) {
            try write(site, "content/images/b.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        }
        state = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(templates: true), kind: .full) {
            try FileManager.default.createDirectory(atPath: site.path + "/templates/partials", withIntermediateDirectories: true)
            try write(site, "templates/partials/footer.mustache", "<footer>New footer</footer>\n")
        }
        _ = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(config: true), kind: .full) {
            try write(site, "site.yml", "paginate: 4\ntitle: Renamed\n")
        }
    }

    @Test func aBrokenEditThrowsItsErrorsAndAFixedOneUpdates() throws {
        let site = try makeSite()
        let state = try SiteBuilder(options: site.options()).makeState()
        try write(site, "content/g2.md", "---\nterm: [broken\n---\n")
        #expect(throws: DiagnosticsError.self) {
            try SiteBuilder(options: site.options()).update(state, with: SiteChanges(guides: ["g2.md"]))
        }
        _ = try expectUpdateMatchesFreshBuild(site, state, changes: SiteChanges(guides: ["g2.md"]), kind: .changedPages) {
            try write(site, "content/g2.md", guide("Guide 2", day: 2, tags: "[\"Shared\", \"Even\"]", body: "Fixed."))
        }
    }
}
