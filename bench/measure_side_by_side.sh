#!/usr/bin/env bash
# The peer-web measurement (../shared/bench/peer-web/measure.sh) applied to tsur-wall: Xvfb at
# WxH, the wall windowed at full size on a demo feed of about N incidents, startup_s to the first
# frame (sd_notify READY=1), then a 60 s window of CPU (all the wall's processes, utime+stime
# delta / window, % of one core) and PSS (sum at the end and peak of 1 Hz samples).
#
# usage: bench/measure_side_by_side.sh [--n N] [--scale X] [--window S] [--settle S] [--res WxH]
#                                      [--bin PATH]
# Last line: tsur-wall n=.. res=.. cpu_pct=.. pss_mb=.. startup_s=.. pss_peak_mb=.. [extra ...]
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
N=5000
SCALE=""
WINDOW=60
SETTLE=5
RES=3840x2160
BIN=""
# Total incidents in the demo snapshot at scale 1 (open + closed in the last 7 days), measured on
# 2026-11-23; the scale for --n is N / this, and the line reports the counts actually served.
PER_SCALE=10104
PEER_PROBE=${PEER_PROBE:-$ROOT/../shared/bench/peer-web/probe.py}

while [ $# -gt 0 ]; do
  case "$1" in
    --n) N=$2; shift 2 ;;
    --scale) SCALE=$2; shift 2 ;;
    --window) WINDOW=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    --res) RES=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "measure_side_by_side.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$BIN" ]; then
  for b in "$ROOT/build-bench/tsur-wall" "$ROOT/build/tsur-wall"; do [ -x "$b" ] && BIN=$b && break; done
fi
[ -x "$BIN" ] || { echo "measure_side_by_side.sh: no tsur-wall binary (give --bin)" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "measure_side_by_side.sh: Xvfb not found" >&2; exit 2; }
[ -n "$SCALE" ] || SCALE=$(python3 -c "print(round($N / $PER_SCALE, 3))")
W=${RES%x*}; H=${RES#*x}

TMP=$(mktemp -d /tmp/wall-side.XXXXXX)
PIDS=()
log() { echo "[side-by-side] $*" >&2; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
stop_pid() {
  local pid=$1 i
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null
  for i in $(seq 50); do alive "$pid" || break; sleep 0.1; done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}
cleanup() {
  local i
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do stop_pid "${PIDS[$i]}"; done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. the feed: the standalone demo feed (the counterpart of peer-web's serve.py, not counted)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" demo-feed --port "$PORT" --scale "$SCALE" >"$TMP/feed.log" 2>&1 &
FEED_PID=$!; PIDS+=("$FEED_PID")
URL="http://127.0.0.1:$PORT/v1/snapshot?region=RU-UD"
for i in $(seq 300); do curl -sf -o /dev/null "$URL" && break; sleep 0.2; done
COUNTS=$(python3 "$HERE/wall_probe.py" count-incidents "$URL") || { log "feed did not answer"; exit 1; }
log "demo feed scale $SCALE: $COUNTS"

# 2. virtual display
Xvfb -displayfd 3 -screen 0 "${W}x${H}x24" -nolisten tcp 3>"$TMP/display" >"$TMP/xvfb.log" 2>&1 &
XVFB_PID=$!; PIDS+=("$XVFB_PID")
for i in $(seq 100); do [ -s "$TMP/display" ] && break; sleep 0.1; done
DISP=$(head -n1 "$TMP/display" 2>/dev/null | tr -dc 0-9)
[ -n "$DISP" ] || { log "Xvfb did not start"; exit 1; }

# 3. the wall, fresh state directory (no cache: like the browser, it starts from nothing)
python3 "$HERE/wall_probe.py" notify "$TMP/notify.sock" "$TMP/ready" 180 &
LPID=$!; PIDS+=("$LPID")
for i in $(seq 100); do [ -e "$TMP/ready.bound" ] && break; sleep 0.05; done
mkdir -p "$TMP/state"
T0=$(date +%s.%N)
DISPLAY=":$DISP" NOTIFY_SOCKET="$TMP/notify.sock" STATE_DIRECTORY="$TMP/state" \
  "$BIN" --feed "$URL" --windowed "$RES" >"$TMP/wall.log" 2>&1 &
WALL_PID=$!; PIDS+=("$WALL_PID")
wait "$LPID" || { log "no READY=1"; tail -n 5 "$TMP/wall.log" >&2; exit 1; }
STARTUP_S=$(python3 -c "print('%.3f' % ($(cat "$TMP/ready") - $T0))")
log "first frame after ${STARTUP_S}s; settling ${SETTLE}s; measuring ${WINDOW}s"
sleep "$SETTLE" & SPID=$!; wait "$SPID"

# 4. the window, counted exactly as peer-web counts Chromium (its probe.py when present)
if [ -f "$PEER_PROBE" ]; then
  SAMPLE=$(python3 "$PEER_PROBE" sample "$WALL_PID" "" "$WINDOW" "$XVFB_PID") || exit 1
  PROBE_USED=peer-web/probe.py
else
  SAMPLE=$(python3 "$HERE/wall_probe.py" sample "$WALL_PID" "$WINDOW") || exit 1
  PROBE_USED=wall_probe.py
fi
get() { echo "$SAMPLE" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
HWM=$(awk '/^VmHWM:/ {printf "%.1f", $2/1024}' "/proc/$WALL_PID/status" 2>/dev/null)
alive "$WALL_PID" || { log "the wall exited during the window"; exit 1; }
echo "tsur-wall n=$N res=$RES cpu_pct=$(get cpu_pct) pss_mb=$(get pss_mb) startup_s=$STARTUP_S" \
     "pss_peak_mb=$(get pss_peak_mb) cpu_s=$(get cpu_s) window_s=$(get window_s) procs=$(get procs)" \
     "xvfb_cpu_pct=$(get xvfb_cpu_pct) xvfb_pss_mb=$(get xvfb_pss_mb) rss_hwm_mb=$HWM scale=$SCALE" \
     "feed_$(echo "$COUNTS" | sed 's/ / feed_/') probe=$PROBE_USED"
exit 0
