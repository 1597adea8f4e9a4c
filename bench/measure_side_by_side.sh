#!/usr/bin/env bash
# The peer-web measurement (PEER_DIR/measure.sh) applied to tsur-wall, on the browser's own data:
# Xvfb at WxH, the wall windowed at full size polling every 15 s (as the dashboard does) a loopback
# feed that serves peer-web's gen_data.py snapshot converted by bench/peer_feed.py, startup_s to
# the first frame that shows data (/healthz display.snapshot_version), then a window sampled by
# peer-web's own probe.py (CPU of the wall's processes in % of one core, PSS at the end and peak;
# Xvfb apart). side_by_side.sh runs this after the browser and prints the ratios.
#
# usage: bench/measure_side_by_side.sh [--n N] [--snapshot FILE] [--window S] [--settle S]
#                                      [--res WxH] [--poll S] [--peer-dir DIR] [--bin PATH]
# Last line: tsur-wall n=.. res=.. cpu_pct=.. pss_mb=.. startup_s=.. pss_peak_mb=.. [extra ...]
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
N=5000
SNAPSHOT=""        # peer-web snapshot (gen_data.py output); default: generated into a temp dir
WINDOW=60
SETTLE=5
RES=3840x2160
POLL=15            # peer-web's dashboard polls every 15 s
BIN=""
PEER_DIR=${PEER_DIR:-$ROOT/../shared/bench/peer-web}
STARTUP_TIMEOUT=180

while [ $# -gt 0 ]; do
  case "$1" in
    --n) N=$2; shift 2 ;;
    --snapshot) SNAPSHOT=$2; shift 2 ;;
    --window) WINDOW=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    --res) RES=$2; shift 2 ;;
    --poll) POLL=$2; shift 2 ;;
    --peer-dir) PEER_DIR=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "measure_side_by_side.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
fail() { echo "measure_side_by_side.sh: $*" >&2; exit 2; }
PROBE="$PEER_DIR/probe.py"
[ -f "$PROBE" ] && [ -f "$PEER_DIR/gen_data.py" ] ||
  fail "peer-web's probe.py/gen_data.py not found in '$PEER_DIR'; give --peer-dir DIR or PEER_DIR=DIR" \
       "(the shared/bench/peer-web folder beside the repository). No fallback: the comparison" \
       "is only fair with the browser's own probe."
PROBE=$(cd "$(dirname "$PROBE")" && pwd)/probe.py
if [ -z "$BIN" ]; then
  for b in "$ROOT/build-bench/tsur-wall" "$ROOT/build/tsur-wall"; do [ -x "$b" ] && BIN=$b && break; done
fi
[ -x "$BIN" ] || fail "no tsur-wall binary (give --bin)"
command -v Xvfb >/dev/null || fail "Xvfb not found (apt-get install -y xvfb)"
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
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 1. the data: peer-web's snapshot for n, as a feed v1 document served over loopback (not counted,
#    as peer-web's serve.py is not)
if [ -z "$SNAPSHOT" ]; then
  SNAPSHOT="$TMP/data-$N.json"
  python3 "$PEER_DIR/gen_data.py" --n "$N" --out "$SNAPSHOT" >&2 || exit 1
fi
[ -s "$SNAPSHOT" ] || fail "snapshot $SNAPSHOT is missing or empty"
COUNTS=$(python3 "$HERE/peer_feed.py" counts "$SNAPSHOT") || exit 1
python3 "$HERE/peer_feed.py" serve "$SNAPSHOT" --port-file "$TMP/feed.port" >"$TMP/feed.log" 2>&1 &
FEED_PID=$!; PIDS+=("$FEED_PID")
for i in $(seq 600); do [ -s "$TMP/feed.port" ] && break; alive "$FEED_PID" || break; sleep 0.1; done
FEED_PORT=$(cat "$TMP/feed.port" 2>/dev/null)
[ -n "$FEED_PORT" ] || { log "feed server did not start"; cat "$TMP/feed.log" >&2; exit 1; }
log "peer-web snapshot $SNAPSHOT ($COUNTS) served as feed v1 on 127.0.0.1:$FEED_PORT"

# 2. virtual display
Xvfb -displayfd 3 -screen 0 "${W}x${H}x24" -nolisten tcp 3>"$TMP/display" >"$TMP/xvfb.log" 2>&1 &
XVFB_PID=$!; PIDS+=("$XVFB_PID")
for i in $(seq 100); do [ -s "$TMP/display" ] && break; sleep 0.1; done
DISP=$(head -n1 "$TMP/display" 2>/dev/null | tr -dc 0-9)
[ -n "$DISP" ] || { log "Xvfb did not start"; exit 1; }

# 3. the wall: its config polls every POLL s, status server on a free loopback port, fresh state
#    and runtime directories (no cache: like the browser's fresh profile, it starts from nothing)
STATUS_PORT=$(free_port)
HEALTHZ="http://127.0.0.1:$STATUS_PORT/healthz"
mkdir -p "$TMP/state" "$TMP/run"
write_config() {  # write_config FEED_URL
  cat >"$TMP/config.json" <<EOF
{
  "feed": {"type": "tsur.v1", "url": "$1", "poll_interval": "${POLL}s"},
  "region": "RU-UD",
  "display": {"fullscreen": false},
  "status_server": {"enabled": true, "listen": "127.0.0.1:$STATUS_PORT"},
  "cache_dir": "$TMP/state",
  "freeze_schedule": []
}
EOF
}
start_wall() {  # start_wall LOG: sets WALL_PID and READY (startup_s=.. first_frame_s=.. startup_cpu_s=..)
  local t0
  t0=$(date +%s.%N)
  DISPLAY=":$DISP" RUNTIME_DIRECTORY="$TMP/run" \
    "$BIN" --config "$TMP/config.json" --windowed "$RES" >"$TMP/$1" 2>&1 &
  WALL_PID=$!; PIDS+=("$WALL_PID")
  READY=$(python3 "$HERE/wall_probe.py" wait-data "$HEALTHZ" "$STARTUP_TIMEOUT" "$t0" "$WALL_PID") ||
    { log "no frame with data"; tail -n 5 "$TMP/$1" >&2; return 1; }
}
field() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
write_config "http://127.0.0.1:$FEED_PORT"
start_wall wall.log || exit 1
STARTUP=$READY
log "first frame with data: $STARTUP; settling ${SETTLE}s"
sleep "$SETTLE" & SPID=$!; wait "$SPID"

# 4. the window, counted by peer-web's probe.py exactly as it counts Chromium (empty marker: the
#    wall's process tree only; Xvfb reported apart)
log "measuring ${WINDOW}s with $PROBE"
SAMPLE=$(python3 "$PROBE" sample "$WALL_PID" "" "$WINDOW" "$XVFB_PID") || exit 1
alive "$WALL_PID" || { log "the wall exited during the window"; exit 1; }
get() { field "$1" "$SAMPLE"; }
HWM=$(awk '/^VmHWM:/ {printf "%.1f", $2/1024}' "/proc/$WALL_PID/status" 2>/dev/null)
HEALTH=$(python3 "$HERE/wall_probe.py" healthz "$HEALTHZ") || HEALTH="health=unavailable"
stop_pid "$WALL_PID"

# 5. start again from the cache the run left, the feed unreachable (port 9): the target's
#    "first frame with data from a cached snapshot"
CACHED_S=na; CACHED_CPU_S=na
if ls "$TMP/state"/*.cache >/dev/null 2>&1; then
  write_config "http://127.0.0.1:9"
  if start_wall wall-cached.log; then
    CACHED_S=$(field startup_s "$READY"); CACHED_CPU_S=$(field startup_cpu_s "$READY")
  fi
  stop_pid "$WALL_PID"
fi

echo "tsur-wall n=$N res=$RES cpu_pct=$(get cpu_pct) pss_mb=$(get pss_mb) startup_s=$(field startup_s "$STARTUP")" \
     "pss_peak_mb=$(get pss_peak_mb) cpu_s=$(get cpu_s) window_s=$(get window_s) procs=$(get procs)" \
     "xvfb_cpu_pct=$(get xvfb_cpu_pct) xvfb_pss_mb=$(get xvfb_pss_mb) rss_hwm_mb=$HWM" \
     "first_frame_s=$(field first_frame_s "$STARTUP") startup_cpu_s=$(field startup_cpu_s "$STARTUP")" \
     "startup_cached_s=$CACHED_S startup_cached_cpu_s=$CACHED_CPU_S poll_s=$POLL $HEALTH" \
     "data_$(echo "$COUNTS" | sed 's/ / data_/g') probe=$PROBE"
exit 0
