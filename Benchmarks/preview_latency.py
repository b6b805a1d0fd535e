#!/usr/bin/env python3
"""Measures `prepress serve`'s edit-to-reload latency: from a guide file saved to the reload event sent.

    python3 Benchmarks/preview_latency.py SITE [--prepress .build/release/prepress] [--edits 30]

SITE is a site folder with content/ (for example a corpus from Benchmarks/gen_corpus.py). The script
starts `prepress serve --port 0` on a copy of it, listens on the live-reload event stream, and saves
edits one at a time: answer text changed in a guide's body (the common case while writing), then
a front-matter change (a new description), a tag added (which moves the guide in the site's lists), then a
question added. For each it prints the median,
90th percentile and worst time between writing the file and receiving the reload event. That time
includes the watcher's 20 ms quiet window, which gathers an editor's burst of writes into one rebuild.
"""
import argparse
import http.client
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import threading
import time


def start(prepress, site):
    server = subprocess.Popen([prepress, "serve", "--site", str(site), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    while True:
        line = server.stdout.readline()
        if not line:
            raise SystemExit("the server stopped before listening")
        if "Serving" in line:
            # The server goes on printing (a rebuild's warnings): read it to the end, or once the pipe's
            # buffer is full the server would stop at its next print, and with it the reload events.
            threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
            return server, line.split(" at ", 1)[1].split(" ", 1)[0]


def events(base):
    host, port = base.split("//", 1)[1].rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    connection.request("GET", "/__prepress/events")
    response = connection.getresponse()

    def next_event():
        while True:
            line = response.fp.readline().decode()
            if line.startswith("data:"):
                return int(line.split(":", 1)[1])
    next_event()  # the build number sent on connect
    return next_event


def measure(next_event, files, count, change):
    times = []
    for index in range(count):
        path = files[(index * 37) % len(files)]
        text = path.read_text()
        started = time.perf_counter()
        path.write_text(change(text, index))
        next_event()
        times.append((time.perf_counter() - started) * 1000)
    return times


def summary(name, times):
    ordered = sorted(times)
    p90 = ordered[max(0, int(len(ordered) * 0.9) - 1)]
    print(f"{name:<28} median {statistics.median(times):7.1f} ms   p90 {p90:7.1f} ms   worst {max(times):7.1f} ms   ({len(times)} edits)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site")
    parser.add_argument("--prepress", default=".build/release/prepress")
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        site = pathlib.Path(scratch) / "site"
        shutil.copytree(pathlib.Path(args.site) / "content", site / "content")
        for name in ["site.yml", "templates"]:
            source = pathlib.Path(args.site) / name
            if source.exists():
                (shutil.copytree if source.is_dir() else shutil.copy)(source, site / name)
        files = sorted((site / "content").rglob("*.md"))
        print(f"{len(files)} guides in {args.site}, {args.prepress}")
        server, base = start(args.prepress, site)
        try:
            next_event = events(base)
            time.sleep(0.5)
            summary("edit a guide's body", measure(next_event, files, args.edits,
                    lambda text, i: text.replace("**Answer:**", f"**Answer:** (revision {i})", 1)))
            summary("edit its front matter", measure(next_event, files, max(5, args.edits // 3),
                    lambda text, i: text.replace("description: \"", f"description: \"Revised {i}. ", 1)))
            summary("add a tag", measure(next_event, files, max(5, args.edits // 3),
                    lambda text, i: text.replace("tags: [", f"tags: [\"Revised {i}\", ", 1) if "tags: [" in text
                    else text.replace("tags:\n", f"tags:\n  - Revised {i}\n", 1)))
            summary("add a question", measure(next_event, files, max(5, args.edits // 3),
                    lambda text, i: text.replace("### Problem-Solving Questions\n", "### Problem-Solving Questions\n\n"
                                                 f"#### Question {90 + i}: Anything else?\n\nOne more answer.\n", 1)))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
