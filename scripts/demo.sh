#!/usr/bin/env bash
# Sets up, builds and starts the demo wall (simulated Udmurt Republic feed, in-process). Builds
# only the binary, in the same build/ tree the tests use, so either command may run first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_TARGET=tsur-wall bash scripts/build.sh
exec ./build/tsur-wall --demo "$@"
