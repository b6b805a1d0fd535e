#!/usr/bin/env bash
# Counts the calls a `prepress build --force` makes to Swift's reference counting and allocators (perf
# uprobes on swift_retain, swift_release, swift_allocObject and malloc): a measure of what the build's values
# cost that repeats to a hundredth of a percent, where times on a shared machine drift by tens of percent.
#
#   bash Benchmarks/ref_counts.sh [PREPRESS] [SITE]
#
# PREPRESS defaults to .build/release/prepress, SITE to the 1,000-guide bench corpus (.build/bench/corpus-1000,
# made by `make bench`). The site is built from a folder of its own whose content/ links to SITE's, so that
# every run starts without a build cache and SITE's own is left alone; Swift's hashing is made deterministic
# (SWIFT_DETERMINISTIC_HASHING=1) so that dictionaries probe the same way in every run. Needs perf and the
# rights to add uprobes (root, as on the CI machine).
set -euo pipefail
cd "$(dirname "$0")/.."
PREPRESS=${1:-.build/release/prepress}
SITE=${2:-.build/bench/corpus-1000}
command -v perf >/dev/null || { echo "ref_counts.sh needs perf (Debian: linux-perf)" >&2; exit 1; }
[ -d "$SITE/content" ] || { echo "no content/ in $SITE (make bench generates .build/bench/corpus-1000)" >&2; exit 1; }
core=$(ldd "$PREPRESS" | awk '/libswiftCore\.so/ {print $3}')
[ -n "$core" ] || { echo "$PREPRESS is not linked with libswiftCore.so" >&2; exit 1; }
events=()
for symbol in swift_retain swift_release swift_allocObject; do
  perf probe -q -x "$core" "$symbol" 2>/dev/null || true
  events+=("probe_libswiftCore:$symbol")
done
allocator=$(ldd "$PREPRESS" | awk '/libjemalloc\.so/ {print $3}')
if [ -n "$allocator" ]; then
  perf probe -q -x "$allocator" malloc 2>/dev/null || true
  events+=("probe_libjemalloc:malloc")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/site"
ln -s "$(cd "$SITE" && pwd)/content" "$work/site/content"
[ -f "$SITE/site.yml" ] && cp "$SITE/site.yml" "$work/site/"
[ -d "$SITE/templates" ] && ln -s "$(cd "$SITE" && pwd)/templates" "$work/site/templates"
SWIFT_DETERMINISTIC_HASHING=1 perf stat -x, $(printf -- '-e %s ' "${events[@]}") \
  "$PREPRESS" build --force --site "$work/site" --output "$work/output" 2>"$work/stat.txt" >/dev/null
echo "prepress build --force of $SITE:"
awk -F, '/probe_/ { sub(/.*:/, "", $3); printf "  %-18s %12d\n", $3, $1 }' "$work/stat.txt"
