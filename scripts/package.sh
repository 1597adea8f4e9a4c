#!/usr/bin/env bash
# Builds the .deb (build-deb/, installed paths under /usr, no source-tree fallback in the binary)
# and runs lintian on it. Fails on any lintian error or warning (none is overridden).
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-deb
PRESET=deb bash scripts/build.sh
rm -f "$build"/tsur-wall_*.deb
cpack --preset deb > "$build/cpack.log"
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
