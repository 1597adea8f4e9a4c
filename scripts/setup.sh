#!/usr/bin/env bash
# Installs every Debian 12 package tsur-wall needs to build, test and run. Idempotent, non-interactive.
set -euo pipefail

packages=(
  cmake g++ pkg-config ninja-build ccache
  libsdl2-dev libimgui-dev libfreetype-dev nlohmann-json3-dev libcurl4-openssl-dev zlib1g-dev
  libboost-dev libsimdjson-dev libstb-dev libsystemd-dev libgtest-dev libgmock-dev libbenchmark-dev
  fonts-dejavu-core fonts-dejavu-extra xvfb xauth curl
  clang-14 libclang-rt-14-dev clang-format-14
  dpkg-dev lintian
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
