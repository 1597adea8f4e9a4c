#!/usr/bin/env bash
# Sets up, builds and starts the demo wall (simulated Udmurt Republic feed, in-process).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh -DTSUR_BUILD_TESTS=OFF -DTSUR_BUILD_BENCH=OFF
exec ./build/tsur-wall --demo "$@"
