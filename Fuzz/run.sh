#!/bin/bash
# `make fuzz FUZZ_SECONDS=N`: builds the libFuzzer targets (Fuzz/Package.swift) with AddressSanitizer and runs
# each for N seconds from a seed corpus of the repository's own inputs (Fuzz/seeds.py). Fails on a crash, a
# sanitizer report, or an input slower than 1 s; the input that failed is kept in .build/fuzz/artifacts/.
# FUZZ_TARGETS picks targets (default: all); each target's corpus grows in .build/fuzz/corpus/ from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-front-matter markdown templates slugs}
work=.build/fuzz
for target in $targets; do
  swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --product "fuzz-$target"
done
rm -rf "$work/seeds"
python3 Fuzz/seeds.py "$work/seeds"
failed=""
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
for target in $targets; do
  mkdir -p "$work/corpus/$target" "$work/artifacts/$target"
  echo "== fuzz-$target for ${seconds} s"
  if ! Fuzz/.build/release/fuzz-"$target" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/$target/" "$work/corpus/$target" "$work/seeds/$target" 2> "$work/$target.log"; then
    failed="$failed $target"
    tail -40 "$work/$target.log"
  fi
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+.*DONE" "$work/$target.log" || true
  echo "corpus: $(ls "$work/corpus/$target" | wc -l) inputs"
done
if [ -n "$failed" ]; then
  echo "fuzzing failed:$failed (inputs in $work/artifacts/)" >&2
  exit 1
fi
