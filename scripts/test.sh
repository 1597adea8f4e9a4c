#!/usr/bin/env bash
# Sets up, builds and runs every test: the normal build, a bounded libFuzzer run of every parser of
# outside input, the suite again under ASan+UBSan, then the .deb and lintian. Ends with a summary.
#   bash scripts/test.sh           full run (what CI runs)
#   bash scripts/test.sh --quick   developer loop: normal build and its tests only
# A stage that runs nothing fails the run, whatever state build/ was left in by another script.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    *) echo "test.sh: unknown argument '$arg' (expected --quick)" >&2; exit 2 ;;
  esac
done

summary=()
started=$SECONDS
stage_start=$SECONDS

# Runs ctest over one build tree and records "N of M passed"; --no-tests=error makes an empty
# tree fail instead of printing "No tests were found" and exiting 0.
run_ctest() {
  local name="$1" dir="$2"; shift 2
  local log="$dir/ctest-summary.log"
  local rc=0
  ctest --test-dir "$dir" --output-on-failure --no-tests=error -j "$(nproc)" "$@" 2>&1 \
    | tee "$log" || rc=$?
  local line
  line=$(grep -E '^[0-9]+% tests passed' "$log" | tail -1 || true)
  summary+=("$(printf '%-11s %s (%ds)' "$name:" "${line:-ran nothing}" $((SECONDS - stage_start)))")
  if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
    finish 1
  fi
}

finish() {
  echo
  echo "== test.sh summary ($((SECONDS - started)) s) =="
  printf '  %s\n' "${summary[@]}"
  if [ "$1" -eq 0 ]; then echo "  result:    PASS"; else echo "  result:    FAIL"; fi
  exit "$1"
}

bash scripts/setup.sh

# The normal build, with tests and benches forced on: demo.sh may have configured build/ without.
stage_start=$SECONDS
BUILD_DIR=build bash scripts/build.sh -DTSUR_WERROR=ON -DTSUR_BUILD_TESTS=ON -DTSUR_BUILD_BENCH=ON
# The whole render matrix (every layout at every wall size and viewing distance) runs here; the
# sanitizer stage runs its default subset, which still holds every case that ever crashed.
TSUR_RENDER_MATRIX=full run_ctest normal build
if [ "$quick" = 1 ]; then
  summary+=("skipped:   fuzz, sanitizers, package (--quick)")
  finish 0
fi

stage_start=$SECONDS
if fuzz_out=$(FUZZ_SECONDS="${FUZZ_SECONDS:-20}" bash scripts/fuzz.sh); then fuzz_rc=0; else fuzz_rc=$?; fi
echo "$fuzz_out"
fuzz_targets=$(grep -c '^fuzz: .*no findings$' <<<"$fuzz_out" || true)
summary+=("$(printf '%-11s %s targets without findings (%ds)' fuzz: "$fuzz_targets" \
  $((SECONDS - stage_start)))")
if [ "$fuzz_rc" -ne 0 ] || [ "$fuzz_targets" -eq 0 ]; then finish 1; fi

# Under the sanitizers the whole suite runs, with the render matrix's representative subset.
stage_start=$SECONDS
BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DTSUR_SANITIZE=ON \
  -DTSUR_BUILD_TESTS=ON -DTSUR_BUILD_BENCH=OFF -DTSUR_WERROR=ON
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  run_ctest sanitizers build-asan

stage_start=$SECONDS
if bash scripts/package.sh; then
  summary+=("$(printf '%-11s .deb built, lintian clean (%ds)' package: $((SECONDS - stage_start)))")
else
  summary+=("package:    FAILED (see above)")
  finish 1
fi
finish 0
