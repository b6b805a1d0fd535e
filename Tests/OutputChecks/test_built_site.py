"""Checks a built site with real parsers: Atom feeds (feedparser), sitemaps (lxml), links (linkchecker).

Run by `make test` after `swift test`; it builds the demo site and the taxonomy fixture with the debug
binary, under a base URL with a path, and serves them over HTTP on a free local port.
"""
import re
import subprocess
import urllib.parse

import feedparser
from lxml import etree

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
W3C_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")


def test_every_feed_is_valid_atom(built):
    output, base = built
    feeds = sorted(output.rglob("feed.xml"))
    assert (output / "feed.xml") in feeds
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.version == "atom10", path
        assert parsed.feed.title and parsed.feed.id.startswith(base)
        assert parsed.entries, f"{path} has no entries"
        for entry in parsed.entries:
            assert entry.title and entry.id.startswith(base + "guides/"), path
            assert entry.link == entry.id
            assert entry.published_parsed and entry.updated_parsed
            assert entry.summary


def test_main_feed_holds_the_newest_guides_first(built):
    output, _ = built
    entries = feedparser.parse((output / "feed.xml").read_bytes()).entries
    published = [entry.published_parsed for entry in entries]
    assert published == sorted(published, reverse=True)


def test_sitemap_lists_every_page_with_absolute_locations(built):
    output, base = built
    tree = etree.parse(str(output / "sitemap.xml"))
    assert tree.getroot().tag == SITEMAP_NS + "urlset"
    locations = set()
    for url in tree.getroot():
        assert url.tag == SITEMAP_NS + "url"
        loc = url.findtext(SITEMAP_NS + "loc")
        assert loc.startswith(base), loc
        lastmod = url.findtext(SITEMAP_NS + "lastmod")
        assert lastmod is None or W3C_DATE.match(lastmod), lastmod
        locations.add(loc)
    pages = set()
    for page in output.rglob("index.html"):
        folder = page.parent.relative_to(output).as_posix()
        # The search page is left out on purpose: it is marked noindex.
        if 'content="noindex"' in page.read_text():
            continue
        pages.add(base if folder == "." else base + folder + "/")
    assert {urllib.parse.unquote(loc) for loc in locations} == pages


def test_robots_txt_points_at_the_sitemap(built):
    output, base = built
    assert f"Sitemap: {base}sitemap.xml" in (output / "robots.txt").read_text()


def test_no_broken_links(built, tmp_path):
    _, base = built
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=200\n")
    result = subprocess.run(
        ["linkchecker", "--config", str(config), "--no-status", "--no-warnings", "--threads", "4", base],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout
