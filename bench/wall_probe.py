#!/usr/bin/env python3
"""Helper of run_wall_bench.sh, measure_side_by_side.sh and side_by_side.sh (python3 standard library only).

  wall_probe.py notify SOCKET_PATH OUT_FILE TIMEOUT_S
      bind a unix datagram socket (what sd_notify writes to), create OUT_FILE.bound once bound,
      and write the epoch time at which a datagram containing READY=1 arrives into OUT_FILE.
  wall_probe.py sample PID WINDOW_S
      sample PID and its descendants once a second for WINDOW_S seconds; print key=value:
      cpu_pct (sum of per-process utime+stime deltas / window, % of one core, a process born in
      the window counts from zero), pss_mb (sum of Pss at the end), pss_peak_mb (largest sum),
      rss_hwm_mb (VmHWM of PID at the end), rss_mb (VmRSS of PID at the end).
      The counting is that of ../shared/bench/peer-web/probe.py "sample".
  wall_probe.py count-incidents URL
      fetch a feed v1 document and print "total=N open=M" (open: status new or in_progress).
  wall_probe.py wait-data HEALTHZ_URL TIMEOUT_S T0 PID
      poll the wall's /healthz every 0.1 s (as peer-web's probe polls the page title) until
      display.snapshot_version is non-null, i.e. a frame showing data was drawn; print
      "startup_s=S first_frame_s=F startup_cpu_s=C": seconds since T0 (epoch seconds; F: when
      display.frames was first > 0) and the CPU time PID's tree had used by then (on a loaded
      machine the wall-clock figure mostly measures waiting for a core).
  wall_probe.py healthz HEALTHZ_URL
      print "polls=N polls_parsed=P polls_unchanged=U poll_errors=E rejected=R incidents=I
      frames=F" from /healthz and /metrics beside it (parsed: result ok; unchanged: not_modified,
      a 304 or a body equal to the one shown, which the wall does not parse again).
"""
import json
import os
import socket
import sys
import time
import urllib.error
import urllib.request

CLK_TCK = os.sysconf("SC_CLK_TCK")


def read_stat(pid):
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            data = f.read().decode("latin-1")
    except OSError:
        return None
    rest = data[data.rindex(")") + 2:].split()
    return int(rest[1]), int(rest[11]) + int(rest[12]), int(rest[19])


def tree(root):
    stats, children = {}, {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = read_stat(int(name))
            if st:
                stats[int(name)] = st
                children.setdefault(st[0], []).append(int(name))
    chosen, stack = set(), [root] if root in stats else []
    while stack:
        p = stack.pop()
        if p not in chosen:
            chosen.add(p)
            stack.extend(children.get(p, []))
    return {p: (stats[p][1], stats[p][2]) for p in chosen}


def status_kb(pid, key):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def pss_kb(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cmd_notify(path, out, timeout_s):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    if os.path.exists(path):
        os.unlink(path)
    sock.bind(path)
    open(out + ".bound", "w").close()
    deadline = time.time() + float(timeout_s)
    while time.time() < deadline:
        sock.settimeout(max(0.01, deadline - time.time()))
        try:
            msg = sock.recv(4096)
        except socket.timeout:
            break
        if b"READY=1" in msg.split(b"\n"):
            t = time.time()
            with open(out + ".tmp", "w") as f:
                f.write("%.6f\n" % t)
            os.rename(out + ".tmp", out)
            return
    raise SystemExit("wall_probe: no READY=1 within %ss" % timeout_s)


def cmd_sample(pid, window_s):
    pid, window_s = int(pid), float(window_s)
    t_start = time.time()
    base = tree(pid)
    last = dict(base)
    peak = end = 0
    k = 0
    while True:
        cur = tree(pid)
        t_read = time.time()
        for p, (ticks, start) in cur.items():
            prev = last.get(p)
            if prev is not None and prev[1] != start:
                base.pop(p, None)
            last[p] = (ticks, start)
        total = sum(pss_kb(p) for p in cur)
        peak = max(peak, total)
        if k >= window_s:
            end = total
            break
        k += 1
        time.sleep(max(0.0, t_start + min(k, window_s) - time.time()))
    elapsed = t_read - t_start
    ticks = 0
    for p, (t_last, start) in last.items():
        b = base.get(p)
        ticks += t_last - (b[0] if b is not None and b[1] == start else 0)
    cpu_s = ticks / CLK_TCK
    print("cpu_pct=%.2f cpu_s=%.2f window_s=%.1f pss_mb=%.1f pss_peak_mb=%.1f rss_hwm_mb=%.1f rss_mb=%.1f"
          % (100.0 * cpu_s / elapsed, cpu_s, elapsed, end / 1024.0, peak / 1024.0,
             status_kb(pid, "VmHWM") / 1024.0, status_kb(pid, "VmRSS") / 1024.0))


def cmd_count(url):
    with urllib.request.urlopen(url, timeout=120) as r:
        doc = json.loads(r.read().decode())
    inc = doc["incidents"]
    n_open = sum(1 for i in inc if i.get("status") in ("new", "in_progress"))
    print("total=%d open=%d" % (len(inc), n_open))


def read_healthz(url):
    """The /healthz document, also when it answers 503 (starting, stale); None if unreachable."""
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return json.loads(r.read().decode())
    except urllib.error.HTTPError as e:
        try:
            return json.loads(e.read().decode())
        except ValueError:
            return None
    except (OSError, ValueError):
        return None


def cmd_wait_data(url, timeout_s, t0, pid):
    t0, pid = float(t0), int(pid)
    deadline = time.time() + float(timeout_s)
    first_frame = None
    while time.time() < deadline:
        h = read_healthz(url)
        now = time.time()
        display = (h or {}).get("display") or {}
        if first_frame is None and display.get("frames"):
            first_frame = now - t0
        if display.get("snapshot_version") is not None:
            cpu_s = sum(ticks for ticks, _start in tree(pid).values()) / CLK_TCK
            print("startup_s=%.3f first_frame_s=%.3f startup_cpu_s=%.2f"
                  % (now - t0, first_frame or now - t0, cpu_s))
            return
        time.sleep(0.1)
    raise SystemExit("wall_probe: no frame with data within %ss (%s)" % (timeout_s, url))


def polls_by_result(metrics_url):
    """{result: count} from tsur_polls_total in /metrics; {} if unreachable."""
    try:
        with urllib.request.urlopen(metrics_url, timeout=2) as r:
            text = r.read().decode()
    except (OSError, ValueError):
        return {}
    out = {}
    for line in text.splitlines():
        if line.startswith('tsur_polls_total{result="'):
            result = line.split('"')[1]
            out[result] = int(float(line.rsplit(" ", 1)[1]))
    return out


def cmd_healthz(url):
    h = read_healthz(url)
    if h is None:
        raise SystemExit("wall_probe: %s did not answer" % url)
    feed, data, display = h.get("feed", {}), h.get("data", {}), h.get("display", {})
    # A body equal to the one shown counts as not_modified, like a 304: fetched, not parsed.
    by_result = polls_by_result(url.rsplit("/", 1)[0] + "/metrics")
    print("polls=%s polls_parsed=%s polls_unchanged=%s poll_errors=%s rejected=%s incidents=%s"
          " frames=%s"
          % (feed.get("polls"), by_result.get("ok", "na"), by_result.get("not_modified", "na"),
             feed.get("errors"), feed.get("rejected_records"), data.get("incidents"),
             display.get("frames")))


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    commands = {"notify": cmd_notify, "sample": cmd_sample, "count-incidents": cmd_count,
                "wait-data": cmd_wait_data, "healthz": cmd_healthz}
    if cmd not in commands:
        raise SystemExit(__doc__)
    commands[cmd](*args)


if __name__ == "__main__":
    main()
