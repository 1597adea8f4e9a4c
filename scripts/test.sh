#!/usr/bin/env bash
# Sets up, builds and runs every test: the format check, the normal build, a bounded libFuzzer run
# of every parser of outside input, the suite again under ASan+UBSan, then the .deb and lintian.
# Ends with a summary.
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

# Runs one test preset of CMakePresets.json and records "N of M passed"; the presets set
# noTestsAction=error, so an empty tree fails instead of printing "No tests were found" and exiting 0.
run_ctest() {
  local name="$1" preset="$2" dir="$3"
  local log="$dir/ctest-summary.log"
  local rc=0
  ctest --preset "$preset" -j "$(nproc)" 2>&1 | tee "$log" || rc=$?
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

# The tree matches .clang-format (scripts/format.sh applies it); seconds, so it runs first.
stage_start=$SECONDS
if format_out=$(bash scripts/format.sh --check); then format_rc=0; else format_rc=$?; fi
echo "$format_out"
summary+=("$(printf '%-11s %s (%ds)' "format:" "$(echo "$format_out" | head -1)" $((SECONDS - stage_start)))")
if [ "$format_rc" -ne 0 ]; then finish 1; fi

# The normal build (preset "default": tests and benches on, the same build/ demo.sh uses). Its test
# preset runs the whole render matrix (every layout at every wall size and viewing distance); the
# sanitizer stage runs its default subset, which still holds every case that ever crashed.
stage_start=$SECONDS
PRESET=default bash scripts/build.sh
run_ctest normal default build
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
PRESET=asan bash scripts/build.sh
run_ctest sanitizers asan build-asan

stage_start=$SECONDS
if bash scripts/package.sh; then
  summary+=("$(printf '%-11s .deb built, lintian clean (%ds)' package: $((SECONDS - stage_start)))")
else
  summary+=("package:    FAILED (see above)")
  finish 1
fi
finish 0
