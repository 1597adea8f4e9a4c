#!/usr/bin/env bash
# Installs the built .deb into a clean Debian 12 chroot, enables the unit, purges the package and
# lists what is left of it. Usage (as root; debootstrap takes ~5 min the first time):
#   debootstrap --variant=minbase bookworm ROOT MIRROR
#   bash scripts/deb_purge_check.sh ROOT
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:?usage: deb_purge_check.sh CHROOT_DIR}
deb=$(ls build-deb/tsur-wall_*.deb)
cp /etc/resolv.conf "$root/etc/"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
cp "$deb" "$root/root/"
in_root() { chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
in_root apt-get update -qq
in_root apt-get install -y -qq "/root/$(basename "$deb")" > /dev/null
in_root tsur-wall --version
in_root tsur-wall check-config /etc/tsur-wall/config.json || true
in_root systemctl enable tsur-wall.service
echo "enabled: $(ls -l "$root/etc/systemd/system/multi-user.target.wants/" | grep tsur || true)"
in_root apt-get purge -y -qq tsur-wall > /dev/null
echo "after purge:"
left=$(find "$root/etc" "$root/var/lib" "$root/usr" "$root/lib" \
  \( -name '*tsur-wall*' -o -lname '*tsur-wall*' \) 2>/dev/null | grep -v "/var/lib/dpkg/info/" || true)
echo "${left:-  nothing named tsur-wall}"
echo "user: $(in_root getent passwd tsur-wall || echo none)"
