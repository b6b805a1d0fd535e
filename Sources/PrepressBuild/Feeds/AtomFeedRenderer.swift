import PrepressContent

/// Writes Atom 1.0 feeds (RFC 4287) of guides, newest first.
struct AtomFeedRenderer: Sendable {
    let config: SiteConfig
    let urls: SiteURLs
    let generator: String

    /// A feed of the guides at `entries` in `guides` (dated, in list order, within the limit). Returns nil when
    /// there are none, since a feed needs an update time.
    func render(title: String, feedPath: String, pagePath: String, entries: [Int], of guides: GuideList) -> [UInt8]? {
        // Guides are read in place: a copy of each would retain all its fields.
        guard let newest = entries.lazy.map({ guides.pointer(at: $0).pointee.lastModified }).max() else { return nil }
        var xml: [UInt8] = []
        xml.reserveCapacity(1024 + entries.count * 768)
        xml += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"".utf8
        appendXMLEscaped(config.language, to: &xml)
        xml += "\">\n  <title>".utf8
        appendXMLEscaped(title, to: &xml)
        xml += "</title>\n".utf8
        if let description = config.description {
            xml += "  <subtitle>".utf8
            appendXMLEscaped(description, to: &xml)
            xml += "</subtitle>\n".utf8
        }
        let feedURL = urls.absolute(feedPath)
        xml += "  <link href=\"".utf8
        appendXMLEscaped(feedURL, to: &xml)
        xml += "\" rel=\"self\" type=\"application/atom+xml\"/>\n  <link href=\"".utf8
        appendXMLEscaped(urls.absolute(pagePath), to: &xml)
        xml += "\" rel=\"alternate\" type=\"text/html\"/>\n  <id>".utf8
        appendXMLEscaped(feedURL, to: &xml)
        xml += "</id>\n  <updated>".utf8
        newest.appendRFC3339(to: &xml)
        xml += "</updated>\n  <author><name>".utf8
        appendXMLEscaped(config.author ?? config.title, to: &xml)
        xml += "</name></author>\n  <generator>".utf8
        appendXMLEscaped(generator, to: &xml)
        xml += "</generator>\n".utf8
        for index in entries { appendEntry(UnsafePointer(guides.pointer(at: index)), to: &xml) }
        xml += "</feed>\n".utf8
        return xml
    }

    /// One guide's entry, its fields read through its pointer (passing `pointee` would copy the whole guide).
    private func appendEntry(_ guide: UnsafePointer<Guide>, to xml: inout [UInt8]) {
        let link = urls.absolute(guide.pointee.path)
        xml += "  <entry>\n    <title>".utf8
        appendXMLEscaped(guide.pointee.frontMatter.term, to: &xml)
        xml += "</title>\n    <link href=\"".utf8
        appendXMLEscaped(link, to: &xml)
        xml += "\" rel=\"alternate\" type=\"text/html\"/>\n    <id>".utf8
        appendXMLEscaped(link, to: &xml)
        xml += "</id>\n    <published>".utf8
        guide.pointee.frontMatter.pubDate!.appendRFC3339(to: &xml)
        xml += "</published>\n    <updated>".utf8
        guide.pointee.lastModified.appendRFC3339(to: &xml)
        xml += "</updated>\n".utf8
        if let author = guide.pointee.frontMatter.author {
            xml += "    <author><name>".utf8
            appendXMLEscaped(author.name, to: &xml)
            xml += "</name>".utf8
            if let url = author.url {
                xml += "<uri>".utf8
                appendXMLEscaped(urls.absoluteAuthored(url), to: &xml)
                xml += "</uri>".utf8
            }
            xml += "</author>\n".utf8
        }
        func category(_ name: String) {
            xml += "    <category term=\"".utf8
            appendXMLEscaped(name, to: &xml)
            xml += "\"/>\n".utf8
        }
        if let name = guide.pointee.frontMatter.category { category(name) }
        if let name = guide.pointee.frontMatter.vertical { category(name) }
        for name in guide.pointee.frontMatter.tags { category(name) }
        if let description = guide.pointee.frontMatter.description {
            xml += "    <summary>".utf8
            appendXMLEscaped(description, to: &xml)
            xml += "</summary>\n".utf8
        }
        xml += "  </entry>\n".utf8
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
