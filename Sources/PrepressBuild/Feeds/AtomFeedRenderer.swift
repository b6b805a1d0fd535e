import PrepressContent

/// Writes Atom 1.0 feeds (RFC 4287) of guides, newest first.
struct AtomFeedRenderer: Sendable {
    let config: SiteConfig
    let urls: SiteURLs
    let generator: String

    /// A feed of the guides at `entries` in `guides` (dated, in list order, within the limit). Returns nil when
    /// there are none, since a feed needs an update time.
    func render(title: String, feedPath: String, pagePath: String, entries: [Int], of guides: GuideList) -> String? {
        // Guides are read in place: a copy of each would retain all its fields.
        guard let newest = entries.lazy.map({ guides.pointer(at: $0).pointee.lastModified }).max() else { return nil }
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xmlEscaped(config.language))">
          <title>\(xmlEscaped(title))</title>

        """
        if let description = config.description {
            xml += "  <subtitle>\(xmlEscaped(description))</subtitle>\n"
        }
        let feedURL = urls.absolute(feedPath)
        xml += """
          <link href="\(xmlEscaped(feedURL))" rel="self" type="application/atom+xml"/>
          <link href="\(xmlEscaped(urls.absolute(pagePath)))" rel="alternate" type="text/html"/>
          <id>\(xmlEscaped(feedURL))</id>
          <updated>\(newest.rfc3339)</updated>
          <author><name>\(xmlEscaped(config.author ?? config.title))</name></author>
          <generator>\(xmlEscaped(generator))</generator>

        """
        // Through its pointer, each guide is passed in place: `guides[index]` would copy it.
        for index in entries { xml += entry(guides.pointer(at: index).pointee) }
        xml += "</feed>\n"
        return xml
    }

    private func entry(_ guide: Guide) -> String {
        let matter = guide.frontMatter
        let link = xmlEscaped(urls.absolute(guide.path))
        var xml = """
          <entry>
            <title>\(xmlEscaped(matter.term))</title>
            <link href="\(link)" rel="alternate" type="text/html"/>
            <id>\(link)</id>
            <published>\(matter.pubDate!.rfc3339)</published>
            <updated>\(guide.lastModified.rfc3339)</updated>

        """
        if let author = matter.author {
            xml += "    <author><name>\(xmlEscaped(author.name))</name>"
            if let url = author.url { xml += "<uri>\(xmlEscaped(urls.absoluteAuthored(url)))</uri>" }
            xml += "</author>\n"
        }
        for name in [matter.category, matter.vertical].compactMap({ $0 }) + matter.tags {
            xml += "    <category term=\"\(xmlEscaped(name))\"/>\n"
        }
        if let description = matter.description {
            xml += "    <summary>\(xmlEscaped(description))</summary>\n"
        }
        xml += "  </entry>\n"
        return xml
    }
}

extension Guide {
    /// `modDate` when given, else `pubDate`; only for dated guides.
    var lastModified: GuideDate {
        frontMatter.modDate ?? frontMatter.pubDate ?? GuideDate(year: 1970, month: 1, day: 1)
    }

    /// The date a sitemap gives for the guide's page, if any.
    var sitemapDate: GuideDate? {
        frontMatter.modDate ?? frontMatter.pubDate
    }
}
