#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and runs each for FUZZ_SECONDS (default 60)
# on a copy of its seed corpus. Prints one summary line per target; fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
build=build-fuzz
mkdir -p "$build"
cmake --preset fuzz > "$build/configure.log"
targets=$(cd fuzz && ls *_fuzz.cpp | sed 's/\.cpp$//')
# shellcheck disable=SC2086
cmake --build --preset fuzz --target $targets -j "$(nproc)"
status=0
for t in $targets; do
  corpus="fuzz/corpus/${t%_fuzz}"
  work="$build/corpus-$t"
  rm -rf "$work" && mkdir -p "$work"
  [ -d "$corpus" ] && cp -r "$corpus"/. "$work"/
  log="$build/$t.log"
  if "$build/fuzz/$t" "$work" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=1048576 \
       -artifact_prefix="$build/$t-" -print_final_stats=1 > "$log" 2>&1; then
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz: $t: ${runs:-?} executions in ${seconds}s, no findings"
  else
    echo "fuzz: $t: FINDING (see $log)"; tail -30 "$log"; status=1
  fi
done
exit $status
