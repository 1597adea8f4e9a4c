#!/usr/bin/env bash
# Sets up, builds and runs every test: the normal build, a bounded libFuzzer run of every parser
# of outside input, then the whole suite again under ASan+UBSan (LeakSanitizer included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=build bash scripts/build.sh -DTSUR_WERROR=ON
ctest --test-dir build --output-on-failure -j "$(nproc)"
if [ "${TSUR_SKIP_FUZZ:-0}" != "1" ]; then
  FUZZ_SECONDS="${FUZZ_SECONDS:-20}" bash scripts/fuzz.sh
fi
if [ "${TSUR_SKIP_SANITIZERS:-0}" != "1" ]; then
  BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DTSUR_SANITIZE=ON \
    -DTSUR_BUILD_BENCH=OFF -DTSUR_WERROR=ON
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
fi
