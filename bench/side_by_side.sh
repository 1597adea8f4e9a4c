#!/usr/bin/env bash
# One command for the comparison with the browser dashboard: for each n, peer-web's own
# measure.sh (Chromium kiosk + ECharts) and then bench/measure_side_by_side.sh (tsur-wall), back to
# back on the same machine, with the same snapshot, the same 15 s poll, the same probe and window;
# prints the date, the load average, both raw result lines and the ratios browser / wall.
#
# usage: bench/side_by_side.sh [--n "5000 50000"] [--window S] [--settle S] [--res WxH]
#                              [--peer-dir DIR] [--work DIR] [--bin PATH]
#   --peer-dir  peer-web folder (default $PEER_DIR, else ../shared/bench/peer-web beside the repo)
#   --work      where peer-web is copied to run (it writes data-N.json and node_modules/ beside
#               itself); default build-side-by-side/peer-web in the repository
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
NS="5000 50000"
WINDOW=60
SETTLE=5
RES=3840x2160
POLL=15
PEER_DIR=${PEER_DIR:-$ROOT/../shared/bench/peer-web}
WORK=$ROOT/build-side-by-side/peer-web
BIN_ARGS=()

while [ $# -gt 0 ]; do
  case "$1" in
    --n) NS=$2; shift 2 ;;
    --window) WINDOW=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    --res) RES=$2; shift 2 ;;
    --peer-dir) PEER_DIR=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --bin) BIN_ARGS=(--bin "$2"); shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "side_by_side.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
fail() { echo "side_by_side.sh: $*" >&2; exit 2; }
log() { echo "[side_by_side] $*" >&2; }

for f in measure.sh probe.py gen_data.py index.html dashboard.js package.json; do
  [ -f "$PEER_DIR/$f" ] || fail "peer-web not found: no $f in '$PEER_DIR'. Give --peer-dir DIR or" \
    "PEER_DIR=DIR (the shared/bench/peer-web folder beside the repository); there is no fallback."
done
PEER_DIR=$(cd "$PEER_DIR" && pwd)
[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM:-}" ] ||
  fail "chromium not installed (apt-get install -y chromium xvfb); peer-web/README.md, Setup"

# peer-web runs from a copy: its measure.sh writes data-N.json and needs node_modules/ beside
# itself, and the shared folder stays as it is. Its probe.py stays the one in PEER_DIR for both.
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
for f in "$PEER_DIR"/*; do
  case "$(basename "$f")" in node_modules|data-*.json) continue ;; esac
  cp -p "$f" "$WORK/"
done
if [ ! -f "$WORK/node_modules/echarts/dist/echarts.min.js" ]; then
  if [ -f "$PEER_DIR/node_modules/echarts/dist/echarts.min.js" ]; then
    cp -a "$PEER_DIR/node_modules" "$WORK/"
  else
    log "installing peer-web's npm dependencies (echarts, from its package-lock.json) in $WORK"
    (cd "$WORK" && npm ci --no-audit --no-fund --loglevel=error >&2) ||
      fail "npm ci failed in $WORK; peer-web/README.md, Setup"
  fi
fi

echo "side-by-side date=$(date -u +%Y-%m-%dT%H:%M:%SZ) host_cpus=$(nproc)" \
     "loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /) res=$RES window_s=$WINDOW" \
     "settle_s=$SETTLE poll_s=$POLL chromium=\"$(chromium --version 2>/dev/null | head -n1)\""

status=0
for n in $NS; do
  snap="$WORK/data-$n.json"
  # measure.sh regenerates only when missing or older than gen_data.py; make it now, so the
  # wall is given exactly the file the browser is.
  if [ ! -s "$snap" ] || [ "$WORK/gen_data.py" -nt "$snap" ]; then
    python3 "$WORK/gen_data.py" --n "$n" --out "$snap" >&2 || exit 1
  fi
  log "n=$n: browser (peer-web measure.sh), load $(cut -d' ' -f1-3 /proc/loadavg)"
  browser=$("$WORK/measure.sh" --n "$n" --window "$WINDOW" --settle "$SETTLE" --res "$RES" \
              --poll "$POLL" | tail -n 1)
  case "$browser" in peer-web\ *) ;; *) log "n=$n: peer-web measure.sh failed"; status=1; continue ;; esac
  echo "loadavg_after_browser=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
  echo "$browser"
  log "n=$n: wall (bench/measure_side_by_side.sh), load $(cut -d' ' -f1-3 /proc/loadavg)"
  wall=$("$HERE/measure_side_by_side.sh" --n "$n" --snapshot "$snap" --window "$WINDOW" \
           --settle "$SETTLE" --res "$RES" --poll "$POLL" --peer-dir "$PEER_DIR" \
           "${BIN_ARGS[@]}" | tail -n 1)
  case "$wall" in tsur-wall\ *) ;; *) log "n=$n: measure_side_by_side.sh failed"; status=1; continue ;; esac
  echo "loadavg_after_wall=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
  echo "$wall"
  python3 "$HERE/side_by_side_ratios.py" "$browser" "$wall"
done
echo "side-by-side end=$(date -u +%Y-%m-%dT%H:%M:%SZ) loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
exit $status
