#!/usr/bin/env python3
"""What highlighting code costs: `prepress build --force` of a corpus as it is (fenced code highlighted) and
with `markdown: {highlight: false}`, interleaved, output in a RAM-backed folder when there is one.

    python3 Benchmarks/highlight_bench.py PREPRESS CORPUS [--runs 5]

Prints the median wall time of each, the median wall and CPU time of the "render markdown" stage (where the
highlighting happens; `--verbose`), and the cost as a share of the build without highlighting (target: 5% or
less at 10,000 guides). The corpus is left as it is: the switch lives in a site folder of its own whose
`content` is a link to the corpus's.
"""
import argparse, os, re, shutil, statistics, subprocess, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("prepress")
parser.add_argument("corpus")
parser.add_argument("--runs", type=int, default=5)
args = parser.parse_args()

base = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
work = tempfile.mkdtemp(prefix="prepress-highlight-bench-", dir=base)
try:
    plain = os.path.join(work, "plain-site")
    os.makedirs(plain)
    os.symlink(os.path.abspath(os.path.join(args.corpus, "content")), os.path.join(plain, "content"))
    with open(os.path.join(plain, "site.yml"), "w") as f:
        f.write("markdown:\n  highlight: false\n")
    sites = {"highlighted": os.path.abspath(args.corpus), "highlight: false": plain}
    figures = {name: [] for name in sites}
    for run in range(args.runs):
        for name, site in sites.items():
            output = os.path.join(work, "output")
            shutil.rmtree(output, ignore_errors=True)
            start = time.monotonic()
            result = subprocess.run([args.prepress, "build", "--force", "--verbose", "--site", site, "--output", output],
                                    capture_output=True, text=True, check=True)
            wall = time.monotonic() - start
            stage = re.search(r"render markdown\s+([0-9.]+) s\s+([0-9.]+) s CPU", result.stderr + result.stdout)
            figures[name].append((wall, float(stage.group(1)), float(stage.group(2))))
    blocks = 0
    for path in os.listdir(os.path.join(args.corpus, "content")):
        if path.endswith(".md"):
            with open(os.path.join(args.corpus, "content", path), encoding="utf-8") as f:
                blocks += len(re.findall(r"^```[A-Za-z]", f.read(), re.M))
    guides = len([p for p in os.listdir(os.path.join(args.corpus, "content")) if p.endswith(".md")])
    print(f"Highlighting ({guides:,} guides, {blocks:,} fenced blocks with a language; median of {args.runs}, interleaved):")
    print("| build | wall s | render markdown wall s | render markdown CPU s |")
    print("|---|---:|---:|---:|")
    medians = {}
    for name, rows in figures.items():
        medians[name] = [statistics.median(column) for column in zip(*rows)]
        wall, stage_wall, stage_cpu = medians[name]
        print(f"| {name} | {wall:.2f} | {stage_wall:.3f} | {stage_cpu:.3f} |")
    on, off = medians["highlighted"], medians["highlight: false"]
    print(f"highlighting cost: {on[0] - off[0]:+.2f} s wall = {(on[0] - off[0]) / off[0] * 100:+.1f}% of the build; "
          f"render markdown {on[1] - off[1]:+.3f} s wall = {(on[1] - off[1]) / off[0] * 100:+.1f}% of the build (target: 5% or less)")
finally:
    shutil.rmtree(work, ignore_errors=True)
