#!/usr/bin/env python3
"""The browser dashboard's incidents as a tsur feed v1 document (python3 standard library only).

The side-by-side harness (bench/side_by_side.sh) shows both apps the same incidents: the snapshot
that ../shared/bench/peer-web/gen_data.py writes for Chromium is converted here into the document
the wall polls (docs/feed-api.md), record for record.

  peer_feed.py convert SNAPSHOT OUT [--as-of RFC3339|now]
      write the feed v1 document for SNAPSHOT to OUT and print its counts.
  peer_feed.py serve SNAPSHOT --port-file FILE [--port N] [--as-of RFC3339|now]
      convert once, then serve the same bytes at /v1/snapshot?region=RU-UD on 127.0.0.1
      (Cache-Control: no-store and no ETag, as peer-web's serve.py: every poll is a full 200,
      parsed and drawn again, as the browser re-parses and re-renders every poll).
  peer_feed.py counts SNAPSHOT
      print "total=N open=M open_pct=P" for a peer snapshot (open: not answered).

Mapping: status new / in_progress stay; "overdue" (not answered, past due_at at as_of) becomes
in_progress with the same due_at, so the wall derives the same overdue state from the clock as
the dashboard does; answered stays answered with answered_at. Channel gosuslugi_pos is the feed's
"pos"; municipality names become the ids of assets/regions/RU-UD/municipalities.csv (lower case).
Times: the dashboard anchors its clock at the snapshot's as_of when it loads; the wall reads the
real clock, so every instant is shifted by (as_of_new - as_of) with as_of_new = now by default.
Ages, deadlines and statuses relative to as_of are therefore identical on both sides.
"""
import argparse
import json
import os
import sys
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REGION = "RU-UD"
CHANNELS = {"vk": "vk", "ok": "ok", "telegram": "telegram", "gosuslugi_pos": "pos",
            "hotline": "hotline"}
STATUSES = {"new": "new", "in_progress": "in_progress", "overdue": "in_progress",
            "answered": "answered"}
SECTOR_TITLES = {"housing": "ЖКХ", "roads": "Дороги", "waste": "Вывоз ТКО",
                 "healthcare": "Здравоохранение", "education": "Образование",
                 "transport": "Транспорт", "energy": "Энергетика", "social": "Соцзащита"}
MUNICIPALITIES_CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets",
                                  "regions", REGION, "municipalities.csv")


def parse_time(text):
    return datetime.fromisoformat(text)


def utc_text(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def region_ids():
    with open(MUNICIPALITIES_CSV, encoding="utf-8") as f:
        next(f)
        return {line.split(",", 1)[0] for line in f if line.strip()}


def is_open(peer_status):
    return peer_status != "answered"


def convert(snap, as_of_new):
    """The feed v1 document (a dict) for a peer-web snapshot, instants shifted to as_of_new."""
    known = region_ids()
    as_of = parse_time(snap["as_of"])
    shift = as_of_new - as_of

    def moved(text):
        return None if text is None else utc_text(parse_time(text) + shift)

    incidents = []
    for inc in snap["incidents"]:
        mun = inc["municipality"].lower()
        if mun not in known:
            raise SystemExit("peer_feed: municipality %r of %s is not in %s"
                             % (inc["municipality"], inc["id"], MUNICIPALITIES_CSV))
        incidents.append({
            "id": inc["id"],
            "channel": CHANNELS[inc["channel"]],
            "sector": inc["sector"],
            "municipality": mun,
            "lat": inc["lat"],
            "lon": inc["lon"],
            "title": "%s: обращение %s" % (SECTOR_TITLES[inc["sector"]], inc["id"]),
            "status": STATUSES[inc["status"]],
            "created_at": moved(inc["created_at"]),
            "due_at": moved(inc["due_at"]),
            "answered_at": moved(inc["answered_at"]),
        })
    return {
        "schema": "tsur.feed.v1",
        "region": {"code": REGION, "name": "Удмуртская Республика",
                   "time_zone": "Europe/Samara", "utc_offset": "+04:00"},
        "as_of": utc_text(as_of_new),
        "incidents": incidents,
    }


def counts_text(snap):
    total = len(snap["incidents"])
    n_open = sum(1 for i in snap["incidents"] if is_open(i["status"]))
    return "total=%d open=%d open_pct=%.1f" % (total, n_open, 100.0 * n_open / max(total, 1))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def as_of_arg(text):
    if text == "now":
        return datetime.now(timezone.utc).replace(microsecond=0)
    dt = parse_time(text)
    if dt.tzinfo is None:
        raise SystemExit("peer_feed: --as-of needs an offset (Z or +hh:mm)")
    return dt


def body_of(snapshot_path, as_of_text):
    doc = convert(load(snapshot_path), as_of_arg(as_of_text))
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def cmd_convert(args):
    body = body_of(args.snapshot, args.as_of)
    with open(args.out, "wb") as f:
        f.write(body)
    print("wrote %s: %s" % (args.out, counts_text(load(args.snapshot))))


def cmd_serve(args):
    body = body_of(args.snapshot, args.as_of)
    path = "/v1/snapshot?region=" + REGION

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != path:
                self.send_error(404, "only %s" % path)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, fmt, *a):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    port = httpd.server_address[1]
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, args.port_file)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert")
    c.add_argument("snapshot")
    c.add_argument("out")
    c.add_argument("--as-of", default="now")
    s = sub.add_parser("serve")
    s.add_argument("snapshot")
    s.add_argument("--port", type=int, default=0)
    s.add_argument("--port-file", required=True)
    s.add_argument("--as-of", default="now")
    n = sub.add_parser("counts")
    n.add_argument("snapshot")
    args = ap.parse_args()
    if args.cmd == "convert":
        cmd_convert(args)
    elif args.cmd == "serve":
        cmd_serve(args)
    else:
        print(counts_text(load(args.snapshot)))


if __name__ == "__main__":
    sys.exit(main())
