#!/usr/bin/env python3
"""Rebuilds after one small change against a cold build of the same site, in one run.

    python3 Benchmarks/rebuild_bench.py PREPRESS CORPUS_DIR [CORPUS_DIR ...] [--runs N] [--against OTHER_PREPRESS]

For each corpus (a folder with content/, as Benchmarks/gen_corpus.py writes), copied first so that its guides
can be edited: with the output in a RAM-backed folder and then on the disk (.build/bench), rounds of
  cold      prepress build --force (the whole site, no use of the last build)
  body      one guide's body edited, then prepress build
  tags      one guide's tags changed, then prepress build
  add       a guide added, then prepress build (and removed again before the next round)
interleaved, so that the machine's noise falls on all alike; the median of each, and each change's ratio to
the cold build measured in the same rounds; then the build cache's bytes against the output's. Each
rebuild's output is compared with a cold build of the same inputs at the end (byte for byte); a
difference fails the script. With --against, another prepress (say, a build of the commit before) runs
the same rounds on its own copy of the site, each step of a round taken by one executable and then the
other, so that a change is judged by figures measured side by side.
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


class Run:
    """One executable's copy of the site, its output and its times."""

    def __init__(self, prepress, corpus, work, name):
        self.prepress = prepress
        self.site = os.path.join(work, name, "site")
        shutil.rmtree(os.path.dirname(self.site), ignore_errors=True)
        shutil.copytree(corpus, self.site, ignore=shutil.ignore_patterns(".prepress-cache", "output"))
        self.output = os.path.join(work, name, "output")
        self.guide = first_guide(self.site)
        self.added = os.path.join(self.site, "content", "zz-benchmark-added.md")
        self.times = {"cold": [], "body": [], "tags": [], "add": []}
        self.summaries = {}

    def build(self, force=False):
        return build(self.prepress, self.site, self.output, force)


def bench(prepresses, corpus, where, work, runs):
    runs_of = [Run(prepress, corpus, work, f"run{number}") for number, prepress in enumerate(prepresses)]
    for run in runs_of:
        run.build()  # the first build: the manifest and stamp the rebuilds start from
    for round_number in range(runs):
        # Each step by every executable in turn, so that a slow moment of the machine falls on all alike.
        for run in runs_of:
            run.times["cold"].append(run.build(force=True)[0])
        for run in runs_of:
            edit_body(run.guide, round_number)
            run.times["body"].append(run.build()[0])
        for run in runs_of:
            edit_tags(run.guide, round_number)
            seconds, run.summaries["tags"] = run.build()
            run.times["tags"].append(seconds)
        for run in runs_of:
            with open(run.added, "w", encoding="utf-8") as file:
                file.write(NEW_GUIDE.format(n=round_number))
            seconds, run.summaries["add"] = run.build()
            run.times["add"].append(seconds)
        for run in runs_of:
            if round_number == runs - 1:
                compare(run.prepress, run.site, run.output, work)
            os.remove(run.added)
            run.build()
    print(f"  output {where}:")
    for run in runs_of:
        if len(runs_of) > 1:
            print(f"   {run.prepress}:")
        cold = statistics.median(run.times["cold"])
        print(f"    {'cold build (--force)':<40}{cold:8.2f} s")
        for name, label in [("body", "one guide's body edited"), ("tags", "one guide's tags changed"), ("add", "a guide added")]:
            median = statistics.median(run.times[name])
            print(f"    {label + ', then build':<40}{median:8.2f} s   {median / cold:6.3f}× the cold build")
        print(f"    (last: {run.summaries['add']})")
        cache, made = tree_bytes(os.path.join(run.site, ".prepress-cache")), tree_bytes(run.output)
        print(f"    {'the build cache (.prepress-cache/)':<40}{cache / 1e6:8.1f} MB  {cache / made:6.1%} of the output's {made / 1e6:.1f} MB")
    if len(runs_of) == 2:
        first, second = runs_of
        print("    the first's median against the second's: " + ", ".join(
            f"{name} {statistics.median(first.times[name]) / statistics.median(second.times[name]):.3f}×" for name in first.times))
    for run in runs_of:
        shutil.rmtree(os.path.dirname(run.site), ignore_errors=True)


def main():
    arguments = sys.argv[1:]
    runs = 3
    if "--runs" in arguments:
        at = arguments.index("--runs")
        runs = int(arguments[at + 1])
        del arguments[at:at + 2]
    against = None
    if "--against" in arguments:
        at = arguments.index("--against")
        against = os.path.abspath(arguments[at + 1])
        del arguments[at:at + 2]
    if len(arguments) < 2:
        sys.exit(__doc__)
    prepress, corpora = os.path.abspath(arguments[0]), arguments[1:]
    prepresses = [prepress] + ([against] if against else [])
    disk_root = os.path.abspath(os.path.join(".build", "bench"))
    os.makedirs(disk_root, exist_ok=True)
    print(f"Rebuilds after one change, {runs} interleaved rounds, medians:")
    for corpus in corpora:
        guides = len([name for name in os.listdir(os.path.join(corpus, "content")) if name.endswith(".md")])
        print(f"{guides:,} guides ({corpus}):")
        for where, root in [("in tmpfs", tmpfs()), ("on disk", disk_root)]:
            work = tempfile.mkdtemp(prefix="prepress-rebuild-", dir=root)
            try:
                bench(prepresses, corpus, where, work, runs)
            finally:
                shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
