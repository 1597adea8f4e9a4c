#!/usr/bin/env bash
# Configures and builds one of CMakePresets.json's presets ($PRESET, default "default": build/);
# extra arguments go to cmake's configure step; $BUILD_TARGET builds one target instead of all.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${PRESET:-default}"
cmake --preset "$preset" "$@"
target=()
if [ -n "${BUILD_TARGET:-}" ]; then target=(--target "$BUILD_TARGET"); fi
cmake --build --preset "$preset" -j "$(nproc)" "${target[@]}"
