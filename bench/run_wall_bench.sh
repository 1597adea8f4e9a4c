#!/usr/bin/env bash
# Whole-program measurements of tsur-wall under Xvfb: idle CPU, memory with ~50k incidents, and
# start-up to the first frame (sd_notify READY=1). See docs/benchmarks.md.
#
# usage: bench/run_wall_bench.sh [--bin PATH] [--res WxH] [--scale X] [--window S] [--settle S]
#                                [--runs N] [--only idle|memory|start]
# Prints one key=value line per measurement, prefixed "idle", "memory", "start".
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
BIN=""
RES=3840x2160
SCALE=28          # demo scale: ~50k open incidents
WINDOW=60         # idle window, seconds
SETTLE=10         # seconds after the first frame before a window opens
MEM_WINDOW=40     # memory window: long enough to include one re-poll (30 s)
RUNS=3            # start-up repetitions (median)
ONLY=""

while [ $# -gt 0 ]; do
  case "$1" in
    --bin) BIN=$2; shift 2 ;;
    --res) RES=$2; shift 2 ;;
    --scale) SCALE=$2; shift 2 ;;
    --window) WINDOW=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "run_wall_bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$BIN" ]; then
  for b in "$ROOT/build-bench/tsur-wall" "$ROOT/build/tsur-wall"; do [ -x "$b" ] && BIN=$b && break; done
fi
[ -x "$BIN" ] || { echo "run_wall_bench.sh: no tsur-wall binary (give --bin)" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "run_wall_bench.sh: Xvfb not found (apt-get install -y xvfb)" >&2; exit 2; }
W=${RES%x*}; H=${RES#*x}
PROBE="python3 $HERE/wall_probe.py"

TMP=$(mktemp -d /tmp/wall-bench.XXXXXX)
PIDS=()
log() { echo "[wall-bench] $*" >&2; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
stop_pid() {  # TERM, up to 5 s, then KILL; only PIDs this script started
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

Xvfb -displayfd 3 -screen 0 "${W}x${H}x24" -nolisten tcp 3>"$TMP/display" >"$TMP/xvfb.log" 2>&1 &
XVFB_PID=$!; PIDS+=("$XVFB_PID")
for i in $(seq 100); do [ -s "$TMP/display" ] && break; sleep 0.1; done
DISP=$(head -n1 "$TMP/display" 2>/dev/null | tr -dc 0-9)
[ -n "$DISP" ] || { log "Xvfb did not start"; exit 1; }
log "Xvfb :$DISP ${W}x${H}x24; binary $BIN"

# start_wall NAME STATE_DIR ARGS...: starts the wall with NOTIFY_SOCKET; sets WALL_PID and
# STARTUP_S (exec to READY=1, seconds). Returns 1 if READY=1 never came.
start_wall() {
  local name=$1 state=$2; shift 2
  local sock="$TMP/$name.sock" out="$TMP/$name.ready"
  rm -f "$out" "$out.bound"
  $PROBE notify "$sock" "$out" 120 &
  local lpid=$!; PIDS+=("$lpid")
  for i in $(seq 100); do [ -e "$out.bound" ] && break; sleep 0.05; done
  mkdir -p "$state"
  local t0
  t0=$(date +%s.%N)
  DISPLAY=":$DISP" NOTIFY_SOCKET="$sock" STATE_DIRECTORY="$state" "$BIN" "$@" >"$TMP/$name.log" 2>&1 &
  WALL_PID=$!; PIDS+=("$WALL_PID")
  wait "$lpid" || { log "$name: no READY=1"; tail -n 5 "$TMP/$name.log" >&2; return 1; }
  STARTUP_S=$(python3 -c "print('%.3f' % ($(cat "$out") - $t0))")
  # CPU the wall spent to get there: on a loaded machine wall time overstates start-up.
  STARTUP_CPU_S=$(awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /,""); printf "%.3f", ($12+$13)/hz}' "/proc/$WALL_PID/stat")
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# (a) idle: the demo wall (embedded demo feed, re-polled every 15 s) and the same wall on a static
# file feed where only the clock changes.
if [ -z "$ONLY" ] || [ "$ONLY" = idle ]; then
  start_wall idle "$TMP/state-idle" --demo --windowed "$RES" || exit 1
  log "idle (demo): first frame after ${STARTUP_S}s; settle ${SETTLE}s, window ${WINDOW}s"
  sleep "$SETTLE"
  echo "idle feed=demo res=$RES $($PROBE sample "$WALL_PID" "$WINDOW")"
  stop_pid "$WALL_PID"

  port=$(free_port)
  "$BIN" demo-feed --port "$port" --scale 1 >"$TMP/feed1.log" 2>&1 &
  FEED_PID=$!; PIDS+=("$FEED_PID")
  for i in $(seq 100); do curl -sf -o "$TMP/static.json" "http://127.0.0.1:$port/v1/snapshot?region=RU-UD" && break; sleep 0.2; done
  stop_pid "$FEED_PID"
  start_wall idle-static "$TMP/state-static" --feed "file://$TMP/static.json" --windowed "$RES" || exit 1
  sleep "$SETTLE"
  echo "idle feed=static-file res=$RES $($PROBE sample "$WALL_PID" "$WINDOW")"
  stop_pid "$WALL_PID"
fi

# (b) memory with ~50k open incidents from a separate demo feed; (c) start-up, first without a
# cache (feed fetched over loopback), then with the cache that run left behind and a feed that
# does not answer, so the first frame can only come from the cache.
if [ -z "$ONLY" ] || [ "$ONLY" = memory ] || [ "$ONLY" = start ]; then
  port=$(free_port)
  "$BIN" demo-feed --port "$port" --scale "$SCALE" >"$TMP/feed.log" 2>&1 &
  FEED_PID=$!; PIDS+=("$FEED_PID")
  URL="http://127.0.0.1:$port/v1/snapshot?region=RU-UD"
  for i in $(seq 300); do curl -sf -o /dev/null "$URL" && break; sleep 0.2; done
  COUNTS=$($PROBE count-incidents "$URL")
  log "demo feed scale $SCALE: $COUNTS"
  STATE="$TMP/state-mem"
  if [ -z "$ONLY" ] || [ "$ONLY" = memory ]; then
    start_wall memory "$STATE" --feed "$URL" --windowed "$RES" || exit 1
    sleep "$SETTLE"
    echo "memory scale=$SCALE $COUNTS res=$RES first_frame_s=$STARTUP_S $($PROBE sample "$WALL_PID" "$MEM_WINDOW")"
    stop_pid "$WALL_PID"
  fi
  if [ -z "$ONLY" ] || [ "$ONLY" = start ]; then
    cold=""; warm=""; cold_cpu=""; warm_cpu=""
    for r in $(seq "$RUNS"); do
      rm -rf "$STATE"
      start_wall start-cold "$STATE" --feed "$URL" --windowed "$RES" || exit 1
      cold="$cold $STARTUP_S"; cold_cpu="$cold_cpu $STARTUP_CPU_S"
      for i in $(seq 600); do ls "$STATE"/*.cache >/dev/null 2>&1 && break; sleep 0.1; done
      sleep 1
      stop_pid "$WALL_PID"
      ls "$STATE"/*.cache >/dev/null 2>&1 || { log "no cache file written in $STATE"; exit 1; }
      start_wall start-cached "$STATE" --feed "http://127.0.0.1:9/v1/snapshot?region=RU-UD" --windowed "$RES" || exit 1
      warm="$warm $STARTUP_S"; warm_cpu="$warm_cpu $STARTUP_CPU_S"
      stop_pid "$WALL_PID"
    done
    echo "start scale=$SCALE $COUNTS res=$RES cached_median_s=$(echo "$warm" | median) no_cache_median_s=$(echo "$cold" | median) cached_cpu_median_s=$(echo "$warm_cpu" | median) no_cache_cpu_median_s=$(echo "$cold_cpu" | median) cached_s=[${warm# }] no_cache_s=[${cold# }]"
  fi
fi
exit 0
