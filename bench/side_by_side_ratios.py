#!/usr/bin/env python3
"""Ratios browser / wall from one peer-web line and one tsur-wall line (side_by_side.sh).

    side_by_side_ratios.py "peer-web n=5000 ... cpu_pct=.." "tsur-wall n=5000 ... cpu_pct=.."

Prints one "ratios" line (CPU and PSS without and with each side's Xvfb, start to the first frame
with data) and one "targets" line checked against issue 21's targets: CPU and PSS at most a tenth
of the browser's, wall + Xvfb PSS at most a sixth of browser + Xvfb, and a start from a cached
snapshot within 0.5 s.
"""
import sys


def fields(line):
    out = {}
    for word in line.split():
        if "=" in word:
            k, v = word.split("=", 1)
            out[k] = v
    return out


def number(d, key):
    try:
        return float(d[key])
    except (KeyError, ValueError):
        return None


def ratio(a, b):
    return None if a is None or b is None or b <= 0 else a / b


def text(r):
    return "na" if r is None else "%.1fx" % r


def verdict(ok):
    return "na" if ok is None else ("met" if ok else "NOT_met")


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    b, w = fields(sys.argv[1]), fields(sys.argv[2])
    n = w.get("n", b.get("n", "?"))

    def both(key):
        return number(b, key), number(w, key)

    def with_xvfb(d, key):
        v, x = number(d, key), number(d, "xvfb_" + key)
        return None if v is None or x is None else v + x

    cpu = ratio(*both("cpu_pct"))
    pss = ratio(*both("pss_mb"))
    cpu_x = ratio(with_xvfb(b, "cpu_pct"), with_xvfb(w, "cpu_pct"))
    pss_x = ratio(with_xvfb(b, "pss_mb"), with_xvfb(w, "pss_mb"))
    start = ratio(*both("startup_s"))
    cached = number(w, "startup_cached_s")
    print("ratios n=%s browser/wall cpu=%s pss=%s cpu_incl_xvfb=%s pss_incl_xvfb=%s startup=%s"
          " (browser %s %% / %s MB / %s MB with Xvfb / %s s; wall %s %% / %s MB / %s MB with Xvfb"
          " / %s s, cached start %s s)"
          % (n, text(cpu), text(pss), text(cpu_x), text(pss_x), text(start),
             b.get("cpu_pct"), b.get("pss_mb"), "%.1f" % (with_xvfb(b, "pss_mb") or 0),
             b.get("startup_s"), w.get("cpu_pct"), w.get("pss_mb"),
             "%.1f" % (with_xvfb(w, "pss_mb") or 0), w.get("startup_s"),
             w.get("startup_cached_s")))
    wb, ww = number(b, "window_s"), number(w, "window_s")
    if wb and ww and max(wb, ww) > 1.1 * min(wb, ww):
        print("warning n=%s the windows differ (browser %.1f s, wall %.1f s): the sampler was"
              " starved, so the CPU %% figures are not comparable; re-run on a quieter machine"
              % (n, wb, ww))
    print("targets n=%s cpu_le_1/10=%s pss_le_1/10=%s pss_incl_xvfb_le_1/6=%s cached_start_le_0.5s=%s"
          % (n, verdict(None if cpu is None else cpu >= 10),
             verdict(None if pss is None else pss >= 10),
             verdict(None if pss_x is None else pss_x >= 6),
             verdict(None if cached is None else cached <= 0.5)))


if __name__ == "__main__":
    main()
