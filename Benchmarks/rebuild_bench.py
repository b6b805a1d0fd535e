#!/usr/bin/env python3
"""Rebuilds after one small change against a cold build of the same site, in one run.

    python3 Benchmarks/rebuild_bench.py PREPRESS CORPUS_DIR [CORPUS_DIR ...] [--runs N]

For each corpus (a folder with content/, as Benchmarks/gen_corpus.py writes), copied first so that its guides
can be edited: with the output in a RAM-backed folder and then on the disk (.build/bench), rounds of
  cold      prepress build --force (the whole site, no use of the last build)
  body      one guide's body edited, then prepress build
  tags      one guide's tags changed, then prepress build
  add       a guide added, then prepress build (and removed again before the next round)
interleaved, so that the machine's noise falls on all alike; the median of each, and each change's ratio to
the cold build measured in the same rounds; then the build cache's bytes against the output's. Each
rebuild's output is compared with a cold build of the same inputs at the end (byte for byte); a
difference fails the script.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def tmpfs():
    return "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()


def build(prepress, site, output, force=False):
    command = [prepress, "build", "--site", site, "--output", output] + (["--force"] if force else [])
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return seconds, result.stdout.strip().splitlines()[-1]


def first_guide(site):
    return os.path.join(site, "content", sorted(name for name in os.listdir(os.path.join(site, "content")) if name.endswith(".md"))[0])


def edit_body(path, round_number):
    with open(path, "a", encoding="utf-8") as file:
        file.write(f"\nAn edit of round {round_number}.\n")


def edit_tags(path, round_number):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    lines = text.split("\n")
    # The tags line: a new tag each round (block or flow style, whichever the guide uses).
    for index, line in enumerate(lines):
        if line.startswith("tags:"):
            if line.strip() == "tags:":
                lines.insert(index + 1, f"  - Round {round_number}")
            else:
                lines[index] = line.rstrip("]") + f", Round {round_number}]" if line.rstrip().endswith("]") else line
            break
    else:
        sys.exit(f"{path} has no tags line")
    changed = "\n".join(lines)
    if changed == text:
        sys.exit(f"could not change the tags of {path}")
    with open(path, "w", encoding="utf-8") as file:
        file.write(changed)


NEW_GUIDE = """---
term: "Benchmark Added Guide {n}"
description: "A guide the rebuild benchmark adds."
category: Technology
vertical: Software
pubDate: 2025-06-01
tags: [SQL]
---
## Questions

### What does this guide measure?

The time a build takes after a guide is added.
"""


def compare(prepress, site, output, work):
    reference = os.path.join(work, "reference")
    build(prepress, site, reference, force=True)
    result = subprocess.run(["diff", "-rq", output, reference], capture_output=True, text=True)
    shutil.rmtree(reference, ignore_errors=True)
    if result.returncode != 0:
        sys.exit(f"the rebuilt output differs from a cold build:\n{result.stdout[:2000]}")


def tree_bytes(root):
    """The bytes of every file under root (their sizes, not the blocks they take)."""
    return sum(os.lstat(os.path.join(folder, name)).st_size for folder, _, names in os.walk(root) for name in names)


def bench(prepress, corpus, where, work, runs):
    site = os.path.join(work, "site")
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(corpus, site, ignore=shutil.ignore_patterns(".prepress-cache", "output"))
    output = os.path.join(work, "output")
    shutil.rmtree(output, ignore_errors=True)
    guide = first_guide(site)
    added = os.path.join(site, "content", "zz-benchmark-added.md")
    times = {"cold": [], "body": [], "tags": [], "add": []}
    summaries = {}
    build(prepress, site, output)  # the first build: the manifest and stamp the rebuilds start from
    for round_number in range(runs):
        seconds, _ = build(prepress, site, output, force=True)
        times["cold"].append(seconds)
        edit_body(guide, round_number)
        times["body"].append(build(prepress, site, output)[0])
        edit_tags(guide, round_number)
        seconds, summaries["tags"] = build(prepress, site, output)
        times["tags"].append(seconds)
        with open(added, "w", encoding="utf-8") as file:
            file.write(NEW_GUIDE.format(n=round_number))
        seconds, summaries["add"] = build(prepress, site, output)
        times["add"].append(seconds)
        if round_number == runs - 1:
            compare(prepress, site, output, work)
        os.remove(added)
        build(prepress, site, output)
    cold = statistics.median(times["cold"])
    print(f"  output {where}:")
    print(f"    {'cold build (--force)':<40}{cold:8.2f} s")
    for name, label in [("body", "one guide's body edited"), ("tags", "one guide's tags changed"), ("add", "a guide added")]:
        median = statistics.median(times[name])
        print(f"    {label + ', then build':<40}{median:8.2f} s   {median / cold:6.3f}× the cold build")
    print(f"    (last: {summaries['add']})")
    cache, made = tree_bytes(os.path.join(site, ".prepress-cache")), tree_bytes(output)
    print(f"    {'the build cache (.prepress-cache/)':<40}{cache / 1e6:8.1f} MB  {cache / made:6.1%} of the output's {made / 1e6:.1f} MB")
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(output, ignore_errors=True)


def main():
    arguments = sys.argv[1:]
    runs = 3
    if "--runs" in arguments:
        at = arguments.index("--runs")
        runs = int(arguments[at + 1])
        del arguments[at:at + 2]
    if len(arguments) < 2:
        sys.exit(__doc__)
    prepress, corpora = os.path.abspath(arguments[0]), arguments[1:]
    disk_root = os.path.abspath(os.path.join(".build", "bench"))
    os.makedirs(disk_root, exist_ok=True)
    print(f"Rebuilds after one change, {runs} interleaved rounds, medians:")
    for corpus in corpora:
        guides = len([name for name in os.listdir(os.path.join(corpus, "content")) if name.endswith(".md")])
        print(f"{guides:,} guides ({corpus}):")
        for where, root in [("in tmpfs", tmpfs()), ("on disk", disk_root)]:
            work = tempfile.mkdtemp(prefix="prepress-rebuild-", dir=root)
            try:
                bench(prepress, corpus, where, work, runs)
            finally:
                shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
