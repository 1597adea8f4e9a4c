#!/usr/bin/env bash
# Builds the .deb (build-deb/, installed paths under /usr, no source-tree fallback in the binary)
# and runs lintian on it. Fails on any lintian error or warning (none is overridden).
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-deb
BUILD_DIR=$build BUILD_TYPE=RelWithDebInfo bash scripts/build.sh -DCMAKE_INSTALL_PREFIX=/usr \
  -DTSUR_DEV_ASSETS=OFF -DTSUR_BUILD_TESTS=OFF -DTSUR_BUILD_BENCH=OFF -DTSUR_WERROR=ON
rm -f "$build"/tsur-wall_*.deb
(cd "$build" && cpack -G DEB > cpack.log)
deb=$(ls "$build"/tsur-wall_*.deb)
echo "package: $deb"
# The binary must not know where it was built: an installed wall reads /usr/share/tsur-wall only.
src=$(pwd)
if dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/tsur-wall | grep -aqF "$src"; then
  echo "package: FAIL: /usr/bin/tsur-wall contains the build path $src" >&2
  exit 1
fi
lintian --fail-on error,warning \
  --tag-display-limit 0 "$deb" | tee "$build/lintian.log"
echo "package: lintian: $(grep -c . "$build/lintian.log" || true) lines reported"
