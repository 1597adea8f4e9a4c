#!/usr/bin/env bash
# Configures and builds tsur-wall into build/ (or $BUILD_DIR) with the project's default options;
# extra arguments go to cmake's configure step; $BUILD_TARGET builds one target instead of all.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
generator=()
# A tree configured earlier keeps its generator; a new one uses Ninja when there is one.
if [ ! -f "$build_dir/CMakeCache.txt" ] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" "$@"
target=()
if [ -n "${BUILD_TARGET:-}" ]; then target=(--target "$BUILD_TARGET"); fi
cmake --build "$build_dir" -j "$(nproc)" "${target[@]}"
