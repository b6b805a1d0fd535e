#!/usr/bin/env bash
# `make bench`: Prepress against the raw cmark command and Hugo on the same generated corpora.
#
#   bash Benchmarks/bench.sh            # 1,000 and 10,000 guides, median of 3 runs each
#   SIZES="1000" RUNS=5 bash Benchmarks/bench.sh
#
# For each size it generates a corpus with Benchmarks/gen_corpus.py (cached in .build/bench), then times,
# in this run: the cmark command over the guides' bodies (the floor: parsing and rendering Markdown, nothing
# else) and a release build of prepress taking turns, run by run (with the baseline below, all three), so
# that the ratio to the floor shares the machine's drift; then Hugo (Debian's package) building the
# same guides with the same pages (Benchmarks/hugo: guide pages, paginated taxonomy pages of 20, feeds of
# 20, sitemap). Each run writes into a new folder; wall time, CPU time (user + system) and peak RSS come
# from GNU time. The machine's speed drifts, so compare the ratios measured within one run.
#
# Prepress and Hugo write their sites into a RAM-backed folder (/dev/shm) when there is one, as the cmark
# command writes nothing to disk: the table then compares the generators, not the shared machine's disk,
# whose cost for 16,000 new files varies from run to run by seconds. A second prepress row, "output on
# disk", builds into .build/bench, to show what the disk adds. BENCH_OUT=DIR writes every site into DIR.
#
# Cold builds pass --force, so that the build stamp (.prepress-cache/) cannot skip one. The row "rebuild,
# nothing changed" runs `prepress build` again over a finished build with no file changed: it reads every
# input to see that nothing changed, and writes nothing.
#
# BASELINE=REV (make bench sets it to debf78c, the last commit before Prepress's own template engine) builds
# that revision too, into .build/baseline-*, and adds its row, and the CPU seconds of the page stage ("render
# and write pages" in --verbose) of both, measured alternately. NO_BASELINE=1 leaves it out. The floor runs
# `cmark --smart --unsafe`: the options Prepress renders with by default (markdown: smart_punctuation and
# unsafe_html, both on). Then Benchmarks/mustache-cost times the template engine against swift-mustache 2.1.1,
# Benchmarks/search_bench.py the site search against Pagefind 1.5.2 (NO_SEARCH=1 leaves it out), and
# Benchmarks/rebuild_bench.py a rebuild after one guide's body, one guide's tags or a new guide against a cold
# build, output in tmpfs and on disk (NO_REBUILD=1 leaves it out), and Benchmarks/preview_latency.py the
# preview's edit-to-reload time at each size (NO_PREVIEW=1 leaves it out). Benchmarks/highlight_bench.py times the
# largest corpus with and without `markdown: {highlight: false}`.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-3}
WORK=.build/bench
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

missing=""
command -v cmark >/dev/null || missing="$missing cmark"
command -v hugo >/dev/null || missing="$missing hugo"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
  echo "Installing$missing (apt-get)…" >&2
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq $missing >&2
fi
make --no-print-directory deps >&2
swift build -c release --product prepress >&2
PREPRESS=.build/release/prepress
BASE_PREPRESS=""
if [ -n "${BASELINE:-}" ] && [ -z "${NO_BASELINE:-}" ]; then
  revision=$(git rev-parse --short "$BASELINE")
  source_dir=.build/baseline-$revision-src
  if [ ! -d "$source_dir" ]; then
    rm -rf "$source_dir"
    mkdir -p "$source_dir"
    git archive "$revision" | tar -x -C "$source_dir"
  fi
  echo "Building the baseline $revision…" >&2
  swift build -c release --product prepress --package-path "$source_dir" --scratch-path ".build/baseline-$revision-build" >&2
  BASE_PREPRESS=.build/baseline-$revision-build/release/prepress
fi
mkdir -p "$WORK"
if [ -n "${BENCH_OUT:-}" ]; then
  OUT=$BENCH_OUT
  mkdir -p "$OUT"
elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
  OUT=$(mktemp -d /dev/shm/prepress-bench-XXXXXX)
  trap 'rm -rf "$OUT"' EXIT
else
  OUT=$PWD/$WORK
fi
OUT=$(cd "$OUT" && pwd)

# Runs "$@" RUNS times; prints the median wall seconds, median CPU seconds and largest peak RSS (KiB).
# ALLOWED_EXIT (default 0) is a second exit status taken as success: `check` exits 1 when it finds problems.
measure() {
  local results=() status
  for run in $(seq 1 "$RUNS"); do
    status=0
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || status=$?
    if [ "$status" != 0 ] && [ "$status" != "${ALLOWED_EXIT:-0}" ]; then
      echo "failed: $*" >&2; cat "$WORK/stderr.txt" >&2; exit 1
    fi
    results+=("$(tail -1 "$WORK/time.txt")")
  done
  printf '%s\n' "${results[@]}" | python3 -c '
import statistics, sys
rows = [list(map(float, line.split())) for line in sys.stdin if line.strip()]
print(statistics.median(r[0] for r in rows), statistics.median(r[1] + r[2] for r in rows), max(r[3] for r in rows))'
}

# Runs the shell commands given in turn, RUNS rounds; prints a line for each as measure does, in order:
# they share the machine's drift, so their ratios are fair.
measure_interleaved() {
  local rows=() index
  for run in $(seq 1 "$RUNS"); do
    index=0
    for command in "$@"; do
      rows[index]="${rows[index]:-} $(RUNS=1 measure sh -c "$command")"
      index=$((index + 1))
    done
  done
  for results in "${rows[@]}"; do
    echo "$results" | python3 -c '
import statistics, sys
values = list(map(float, sys.stdin.read().split()))
rows = [values[i:i + 3] for i in range(0, len(values), 3)]
print(statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows), max(r[2] for r in rows))'
  done
}

report=()
for size in $SIZES; do
  corpus="$WORK/corpus-$size"
  if [ "$(ls "$corpus/content" 2>/dev/null | wc -l)" != "$size" ]; then
    rm -rf "$corpus"
    python3 Benchmarks/gen_corpus.py "$size" "$corpus/content" >&2
  fi
  if [ ! -d "$corpus/bodies" ]; then
    mkdir -p "$corpus/bodies"
    python3 - "$corpus" <<'PY'
import pathlib, sys
corpus = pathlib.Path(sys.argv[1])
for guide in (corpus / "content").glob("*.md"):
    text = guide.read_text(encoding="utf-8")
    (corpus / "bodies" / guide.name).write_text(text.split("\n---\n", 1)[1], encoding="utf-8")
PY
  fi
  echo "Measuring $size guides ($RUNS runs each)…" >&2
  floor="find '$corpus/bodies' -name '*.md' -print0 | xargs -0 cmark --smart --unsafe"
  counter=0
  next_out() { counter=$((counter + 1)); echo "$WORK/out-$size-$1-$counter"; }
  build_new="$PREPRESS build --force --site '$corpus' --output \"\$(mktemp -d '$OUT/out-prepress-XXXXXX')\""
  base_wall=0 base_cpu=0 base_rss=0 stage_cpu=0 base_stage_cpu=0
  if [ -n "$BASE_PREPRESS" ]; then
    { read -r cmark_wall cmark_cpu cmark_rss; read -r prepress_wall prepress_cpu prepress_rss; read -r base_wall base_cpu base_rss; } \
      < <(measure_interleaved "$floor" "$build_new" \
          "$BASE_PREPRESS build --force --site '$corpus' --output \"\$(mktemp -d '$OUT/out-base-XXXXXX')\"")
    rm -rf "$OUT"/out-base-*
  else
    { read -r cmark_wall cmark_cpu cmark_rss; read -r prepress_wall prepress_cpu prepress_rss; } < <(measure_interleaved "$floor" "$build_new")
  fi
  read -r disk_wall disk_cpu disk_rss < <(measure sh -c "$PREPRESS build --force --site '$corpus' --output \"\$(mktemp -d '$WORK/out-disk-XXXXXX')\"")
  "$PREPRESS" build --site "$corpus" --output "$OUT/out-rebuild" >/dev/null
  if ! "$PREPRESS" build --site "$corpus" --output "$OUT/out-rebuild" | grep -q '^Up to date'; then
    echo "a second build with nothing changed was not skipped" >&2; exit 1
  fi
  read -r rebuild_wall rebuild_cpu rebuild_rss < <(measure "$PREPRESS" build --site "$corpus" --output "$OUT/out-rebuild")
  # The generated guides name images the corpus does not have, so check finds errors and exits 1.
  read -r check_wall check_cpu check_rss < <(ALLOWED_EXIT=1 measure "$PREPRESS" check --site "$corpus")
  read -r hugo_wall hugo_cpu hugo_rss < <(measure sh -c "hugo --quiet --source Benchmarks/hugo --contentDir '$PWD/$corpus/content' --destination \"\$(mktemp -d '$OUT/out-hugo-XXXXXX')\" --cacheDir '$PWD/$WORK/hugo-cache'")
  if [ -n "$BASE_PREPRESS" ]; then
    # The page stage's CPU seconds, new and baseline one after the other, median of RUNS each.
    stages=()
    for run in $(seq 1 "$RUNS"); do
      for tool in "$PREPRESS" "$BASE_PREPRESS"; do
        target=$(mktemp -d "$OUT/out-stage-XXXXXX")
        stages+=("$tool $("$tool" build --force --verbose --site "$corpus" --output "$target" 2>&1 >/dev/null | awk '/^render and write pages/ {print $7}')")
        rm -rf "$target"
      done
    done
    read -r stage_cpu base_stage_cpu < <(printf '%s\n' "${stages[@]}" | python3 -c '
import statistics, sys
rows = [line.split() for line in sys.stdin if line.strip()]
print(statistics.median(float(r[1]) for r in rows if r[0] == sys.argv[1]), statistics.median(float(r[1]) for r in rows if r[0] != sys.argv[1]))' "$PREPRESS")
  fi
  prepress_pages=$(find "$(ls -d "$OUT"/out-prepress-* | head -1)" -name '*.html' | wc -l)
  hugo_pages=$(find "$(ls -d "$OUT"/out-hugo-* | head -1)" -name '*.html' | wc -l)
  rm -rf "$OUT"/out-prepress-* "$OUT"/out-hugo-* "$OUT"/out-rebuild "$WORK"/out-disk-*
  report+=("$size $cmark_wall $cmark_cpu $cmark_rss $prepress_wall $prepress_cpu $prepress_rss $prepress_pages $hugo_wall $hugo_cpu $hugo_rss $hugo_pages $check_wall $check_cpu $check_rss $disk_wall $disk_cpu $disk_rss $rebuild_wall $rebuild_cpu $rebuild_rss $base_wall $base_cpu $base_rss $stage_cpu $base_stage_cpu")
done

# The raw figures stay in .build/bench/results.txt: size, then wall, CPU and RSS of cmark, prepress (and pages),
# Hugo (and pages), prepress check, prepress with its output on disk, and the rebuild with nothing changed.
printf '%s\n' "${report[@]}" > "$WORK/results.txt"
printf '%s\n' "${report[@]}" | python3 -c '
import sys, platform, os, datetime
rows = [line.split() for line in sys.stdin if line.strip()]
print(f"Prepress benchmark — {datetime.date.today()}, {os.cpu_count()} cores, {platform.machine()}, median of '"$RUNS"' runs")
print("Sites written to '"$OUT"' (prepress, Hugo); \"output on disk\": prepress writing into '"$WORK"'")
print()
print("| guides | tool | wall s | CPU s | HTML pages | pages/s | peak RSS MiB | wall × cmark | wall × Hugo |")
print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
walls = {}
for r in rows:
    size = int(r[0])
    cmark = (float(r[1]), float(r[2]), float(r[3]), None)
    prepress = (float(r[4]), float(r[5]), float(r[6]), int(r[7]))
    hugo = (float(r[8]), float(r[9]), float(r[10]), int(r[11]))
    check = (float(r[12]), float(r[13]), float(r[14]), None)
    disk = (float(r[15]), float(r[16]), float(r[17]), int(r[7]))
    rebuild = (float(r[18]), float(r[19]), float(r[20]), None)
    baseline = (float(r[21]), float(r[22]), float(r[23]), int(r[7]))
    walls[size] = prepress[0]
    tools = [("cmark --smart --unsafe (floor)", cmark), ("prepress build", prepress), ("prepress check", check),
             ("Hugo", hugo), ("prepress build, output on disk", disk), ("prepress rebuild, nothing changed", rebuild)]
    if baseline[0] > 0:
        tools.append(("prepress build, baseline '"${BASELINE:-}"'", baseline))
    for name, (wall, cpu, rss, pages) in tools:
        rate = f"{pages / wall:,.0f}" if pages else "–"
        shown = f"{pages:,}" if pages else "–"
        print(f"| {size:,} | {name} | {wall:.2f} | {cpu:.2f} | {shown} | {rate} | {rss / 1024:.0f} | "
              f"{wall / cmark[0]:.2f} | {wall / hugo[0]:.3f} |")
print()
for r in rows:
    print(f"prepress check/build wall-time ratio at {int(r[0]):,} guides: {float(r[12]) / float(r[4]):.2f}")
for r in rows:
    print(f"prepress rebuild with nothing changed/cold build at {int(r[0]):,} guides: {float(r[18]) / float(r[4]):.3f}")
for r in rows:
    print(f"prepress build/cmark floor at {int(r[0]):,} guides: {float(r[4]) / float(r[1]):.2f} (target at 10,000: 1.5 or less)")
for r in rows:
    if float(r[25]) > 0:
        print(f"page stage (render and write pages) CPU at {int(r[0]):,} guides: {float(r[24]):.2f} s, baseline {float(r[25]):.2f} s, "
              f"ratio {float(r[24]) / float(r[25]):.2f} (target at 10,000: 0.4 or less)")
if len(walls) == 2:
    small, large = sorted(walls)
    print()
    print(f"prepress {large:,}/{small:,} wall-time ratio: {walls[large] / walls[small]:.1f} (linear: {large / small:.0f})")
'

echo
echo "Template engine (Benchmarks/mustache-cost, release build):"
# Once more when it fails: after a file moved from one of prepress's modules to another, SwiftPM's first
# incremental build of this dependent package can plan with the old file list ("cannot find … in scope");
# the second plans afresh. A real compile error fails both.
swift build -c release --package-path Benchmarks/mustache-cost >&2 \
  || { echo "Building Benchmarks/mustache-cost again (SwiftPM's incremental plan)…" >&2; swift build -c release --package-path Benchmarks/mustache-cost >&2; }
Benchmarks/mustache-cost/.build/release/mustache-cost

echo
echo "Page weights (the largest corpus, built once more; bytes raw and gzipped -9):"
largest=$(for size in $SIZES; do echo "$size"; done | sort -n | tail -1)
sized=$(mktemp -d "$OUT/out-sizes-XXXXXX")
"$PREPRESS" build --force --site "$WORK/corpus-$largest" --output "$sized" >/dev/null
python3 - "$sized" <<'PY'
import glob, gzip, os, statistics, sys
root = sys.argv[1]
def weights(path):
    data = open(path, "rb").read()
    return len(data), len(gzip.compress(data, 9))
guides = sorted(glob.glob(os.path.join(root, "guides", "*", "index.html")), key=os.path.getsize)
median = guides[len(guides) // 2]
tags = sorted(glob.glob(os.path.join(root, "tags", "*", "index.html")), key=os.path.getsize)
rows = [("a guide page, median size", median), ("the largest guide page", guides[-1]), ("the home page", os.path.join(root, "index.html")),
        ("a tag page, median size", tags[len(tags) // 2]), ("the theme's CSS (target: 12 KB or less)", os.path.join(root, "assets", "style.css")),
        ("the search results' CSS (loaded where search is used)", os.path.join(root, "assets", "search.css")),
        ("the search client", os.path.join(root, "assets", "search.js"))]
print("| file | bytes | gzipped |")
print("|---|---:|---:|")
for name, path in rows:
    if os.path.exists(path):
        raw, packed = weights(path)
        print(f"| {name} ({os.path.relpath(path, root)}) | {raw:,} | {packed:,} |")
PY
rm -rf "$sized"

echo
python3 Benchmarks/highlight_bench.py "$PREPRESS" "$WORK/corpus-$largest" --runs "$RUNS"

if [ -z "${NO_SEARCH:-}" ]; then
  echo
  corpora=()
  for size in $SIZES; do corpora+=("$WORK/corpus-$size"); done
  python3 Benchmarks/search_bench.py "$PREPRESS" "${corpora[@]}"
fi

if [ -z "${NO_REBUILD:-}" ]; then
  echo
  corpora=()
  for size in $SIZES; do corpora+=("$WORK/corpus-$size"); done
  python3 Benchmarks/rebuild_bench.py "$PREPRESS" "${corpora[@]}"
fi

if [ -z "${NO_PREVIEW:-}" ]; then
  echo
  for size in $SIZES; do
    python3 Benchmarks/preview_latency.py "$WORK/corpus-$size" --prepress "$PREPRESS" --edits 20
  done
fi
