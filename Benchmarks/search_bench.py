#!/usr/bin/env python3
"""Prepress's site search against Pagefind 1.5.2 on the bench corpora, in one run.

    python3 Benchmarks/search_bench.py PREPRESS CORPUS_DIR [CORPUS_DIR ...]

For each corpus (a folder with content/, as Benchmarks/gen_corpus.py writes): builds with the release binary
into a RAM-backed folder with and without search (`search: false`), alternately, for what search adds to
the build (its cost), the "index for search" stage from --verbose and each build's peak RSS; the index's
bytes against the output's; then, served over local HTTP in headless Chromium with an empty cache, the bytes a one-word and a two-word query fetch for the five
results the header shows, and the time from a keystroke to the results shown, median over a fixed list of
queries once the shards they need are loaded. Then Pagefind 1.5.2 (installed with pip if missing) indexes
the same output: its time, peak RSS and bytes, and the same two queries through its JavaScript API.
"""
import functools
import http.server
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ONE_WORD = "compliance"
TWO_WORDS = "sales forecasting"
QUERIES = ["compliance", "sales forecasting", "nurse", "stakeholder conflict", "pricing", "vendor risk", "ci/cd pipeline",
           "resume", "negotiation", "quality audit"]


def tmpfs():
    return "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()


def timed(command, **kwargs):
    """Runs a command; returns (wall seconds, peak RSS MiB of the child, stdout+stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True, **kwargs)
    wall = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    rss = int(result.stderr.strip().splitlines()[-1]) / 1024
    del before
    return wall, rss, result.stdout + result.stderr


def folder_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(root, name)) for name in files)
    return total


def site_with(corpus, search):
    """A site folder using the corpus's content/, with a site.yml that turns search on or off."""
    site = tempfile.mkdtemp(prefix="prepress-search-site-", dir=tmpfs())
    os.symlink(os.path.join(os.path.abspath(corpus), "content"), os.path.join(site, "content"))
    with open(os.path.join(site, "site.yml"), "w") as file:
        file.write("title: Bench\nbase_url: http://127.0.0.1/\n" + ("" if search else "search: false\n"))
    return site


def serve(directory):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}/"


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--disable-cache"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


FETCHED = """
return performance.getEntriesByType('resource')
  .filter(function (e) { return e.name.indexOf(arguments[0]) >= 0; })
  .reduce(function (sum, e) { return sum + (e.decodedBodySize || e.encodedBodySize || 0); }, 0);
"""


def prepress_query_bytes(base, query):
    """Bytes of search/ files one query fetches on a cold cache, for the header's five results."""
    driver = browser()
    try:
        driver.get(base + "404.html")
        driver.execute_script("performance.setResourceTimingBufferSize(10000)")
        found = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "window.prepressSearch.search(arguments[0], 5).then(function (r) { done(r.length); }, function (e) { done(-1); });", query)
        return driver.execute_script(FETCHED.replace("arguments[0]", "'/search/'")), found
    finally:
        driver.quit()


def prepress_keystroke_ms(base):
    """Median milliseconds from an input event in the header box to its results in the page, the shards
    each query needs loaded first (each query is typed once to load them, then timed)."""
    driver = browser()
    times = []
    try:
        driver.get(base + "404.html")
        for query in QUERIES:
            for attempt in range(2):
                elapsed = driver.execute_async_script("""
                  var done = arguments[arguments.length - 1], query = arguments[0];
                  var box = document.getElementById('site-search-input'), popup = document.getElementById('site-search-results');
                  box.focus(); box.value = '';
                  box.dispatchEvent(new Event('input'));
                  setTimeout(function () {
                    var start;
                    var observer = new MutationObserver(function () {
                      if (popup.hidden || !popup.children.length) return;
                      observer.disconnect();
                      done(performance.now() - start);
                    });
                    observer.observe(popup, { childList: true, subtree: true, attributes: true });
                    box.value = query;
                    start = performance.now();
                    box.dispatchEvent(new Event('input'));
                  }, 50);
                """, query)
                if attempt == 1:
                    times.append(elapsed)
        return statistics.median(times)
    finally:
        driver.quit()


PAGEFIND_SEARCH = """
var done = arguments[arguments.length - 1], query = arguments[0];
import(arguments[1]).then(function (pagefind) {
  var start = performance.now();
  return pagefind.search(query).then(function (search) {
    return Promise.all(search.results.slice(0, 5).map(function (r) { return r.data(); })).then(function (data) {
      done([search.results.length, performance.now() - start]);
    });
  });
}).catch(function (e) { done([-1, String(e)]); });
"""


def pagefind_query(base, query, repeat=False):
    driver = browser()
    try:
        driver.get(base + "404.html")
        driver.execute_script("performance.setResourceTimingBufferSize(10000)")
        found, elapsed = driver.execute_async_script(PAGEFIND_SEARCH, query, base + "pagefind/pagefind.js")
        fetched = driver.execute_script(FETCHED.replace("arguments[0]", "'/pagefind/'"))
        if repeat:
            found, elapsed = driver.execute_async_script(PAGEFIND_SEARCH, query, base + "pagefind/pagefind.js")
        return fetched, found, elapsed
    finally:
        driver.quit()


def ensure_pagefind():
    try:
        out = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True)
        if "1.5.2" in out.stdout:
            return
    except OSError:
        pass
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "pagefind[extended]==1.5.2"],
                   check=True)


def kb(n):
    return f"{n / 1024:,.0f} KB"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    prepress = os.path.abspath(sys.argv[1])
    ensure_pagefind()
    rows = []
    for corpus in sys.argv[2:]:
        guides = len([n for n in os.listdir(os.path.join(corpus, "content")) if n.endswith(".md")])
        on, off = site_with(corpus, True), site_with(corpus, False)
        out_on, out_off = os.path.join(on, "output"), os.path.join(off, "output")
        # Alternately, four times each after one of each to warm up; medians. Search's cost is the difference
        # of the two builds: part of it (counting the index's words) runs beside other stages, so the stage's
        # own time ("index for search") is less than what search adds to the build.
        offs, ons = [], []
        for turn in range(5):
            off_run = timed([prepress, "build", "--site", off, "--output", out_off, "--force"])
            on_run = timed([prepress, "build", "--site", on, "--output", out_on, "--force", "--verbose"])
            if turn:
                offs.append(off_run)
                ons.append(on_run)
        wall_off, rss_off = statistics.median(r[0] for r in offs), statistics.median(r[1] for r in offs)
        wall_on, rss_on = statistics.median(r[0] for r in ons), statistics.median(r[1] for r in ons)
        stage = statistics.median(float(re.search(r"index for search\s+([0-9.]+) s", r[2]).group(1)) for r in ons)
        index_bytes = folder_bytes(os.path.join(out_on, "search"))
        index_files = sum(len(files) for _, _, files in os.walk(os.path.join(out_on, "search")))
        output_bytes = folder_bytes(out_on)
        server, base = serve(out_on)
        one, found_one = prepress_query_bytes(base, ONE_WORD)
        two, found_two = prepress_query_bytes(base, TWO_WORDS)
        keystroke = prepress_keystroke_ms(base)
        server.shutdown()

        pagefind_out = tempfile.mkdtemp(prefix="pagefind-site-", dir=tmpfs())
        shutil.rmtree(pagefind_out)
        shutil.copytree(out_off, pagefind_out)
        pf_wall, pf_rss, _ = timed([sys.executable, "-m", "pagefind", "--site", pagefind_out])
        pf_bytes = folder_bytes(os.path.join(pagefind_out, "pagefind"))
        pf_files = sum(len(files) for _, _, files in os.walk(os.path.join(pagefind_out, "pagefind")))
        server, base = serve(pagefind_out)
        pf_one, pf_found_one, _ = pagefind_query(base, ONE_WORD)
        pf_two, pf_found_two, _ = pagefind_query(base, TWO_WORDS)
        warm = [pagefind_query(base, q, repeat=True)[2] for q in QUERIES[:4]]
        server.shutdown()
        rows.append((guides, index_files, stage, wall_on, wall_off, rss_on, rss_off, index_bytes, output_bytes, one, found_one, two, found_two,
                     keystroke, pf_wall, pf_rss, pf_bytes, pf_files, pf_one, pf_found_one, pf_two, pf_found_two,
                     statistics.median([w for w in warm if isinstance(w, (int, float))] or [0])))
        for folder in [on, off, pagefind_out]:
            shutil.rmtree(folder, ignore_errors=True)

    print(f"Site search — Prepress against Pagefind 1.5.2, {time.strftime('%Y-%m-%d')}, "
          f"{os.cpu_count()} cores, output in a RAM-backed folder")
    print()
    print("| guides | | search's cost s (build with − without; its stage) | build s (search off) | peak RSS MiB (off) | index bytes | of output | files |"
          f" 1-word query fetches | 2-word query fetches | keystroke → results |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        (guides, index_files, stage, wall_on, wall_off, rss_on, rss_off, index_bytes, output_bytes, one, found_one, two, found_two,
         keystroke, pf_wall, pf_rss, pf_bytes, pf_files, pf_one, pf_found_one, pf_two, pf_found_two, pf_warm) = r
        print(f"| {guides:,} | Prepress | {wall_on - wall_off:.2f} ({(wall_on - wall_off) / wall_on:.1%} of the build; stage {stage:.2f}) | {wall_on:.2f} ({wall_off:.2f}) |"
              f" {rss_on:.0f} ({rss_off:.0f}, +{rss_on / rss_off - 1:.0%}) | {index_bytes / 1e6:.1f} MB |"
              f" {index_bytes / output_bytes:.1%} | {index_files:,} | {kb(one)} ({found_one} shown) | {kb(two)} ({found_two} shown) |"
              f" {keystroke:.1f} ms median |")
        print(f"| {guides:,} | Pagefind 1.5.2 | {pf_wall:.2f} | – | {pf_rss:.0f} | {pf_bytes / 1e6:.1f} MB |"
              f" {pf_bytes / output_bytes:.1%} | {pf_files:,} | {kb(pf_one)} ({pf_found_one} found) | {kb(pf_two)} ({pf_found_two} found) |"
              f" {pf_warm:.1f} ms median (API search and data of 5, warm) |")
    print()
    print(f"Queries: one word “{ONE_WORD}”, two words “{TWO_WORDS}”; keystroke times over {len(QUERIES)} queries: "
          + ", ".join(QUERIES) + ".")


if __name__ == "__main__":
    main()
