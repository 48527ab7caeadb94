"""API latency and page load time over a database of synthetic events.

usage: python bench/web.py [N_EVENTS] [--clients C] [--requests R]   (defaults 50,000, 10, 200)

Starts `marsad serve`'s app on loopback, sends 300 filtered queries one after another and R more from
C concurrent clients (bounded in count; loopback only), and (where Debian's chromium is installed) times
the page until its table shows.
"""

from __future__ import annotations

import socket
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import uvicorn
from synthetic import insert_events, synthetic

from marsad.store import open_store
from marsad.web.app import Settings, create_app

ROOT = Path(__file__).resolve().parents[1]
QUERIES: list[dict[str, str | int]] = [
    {"country": "SY", "type": "Battles", "limit": 100}, {"since": "2016-03-01", "until": "2016-03-31"},
    {"near": "33.3,44.4,100", "limit": 200}, {"actor": "Houthis", "limit": 100}]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args(argv)
    n = args.n
    db = str(Path(tempfile.mkdtemp()) / "web.sqlite")
    insert_events(open_store(db), synthetic(n))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db, vendor=ROOT / "node_modules")), host="127.0.0.1",
                                           port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"

    def timed(client: httpx.Client, i: int) -> float:
        started = time.perf_counter()
        res = client.get(base + "/api/events", params=QUERIES[i % len(QUERIES)])
        res.raise_for_status()
        return (time.perf_counter() - started) * 1000

    with httpx.Client(timeout=30) as client:
        serial = [timed(client, i) for i in range(300)]
    errors = 0

    def guarded(client: httpx.Client, i: int) -> float | None:
        nonlocal errors
        try:
            return timed(client, i)
        except httpx.HTTPError:
            errors += 1
            return None

    limits = httpx.Limits(max_connections=args.clients)
    with httpx.Client(timeout=60, limits=limits) as client, ThreadPoolExecutor(args.clients) as pool:
        started = time.perf_counter()
        concurrent = [t for t in pool.map(lambda i: guarded(client, i), range(args.requests)) if t is not None]
        wall = time.perf_counter() - started
    print(f"{n} events; filtered /api/events, sequential: p50 {statistics.median(serial):.1f} ms, "
          f"p95 {percentile(serial, 95):.1f} ms; {args.clients} concurrent clients, {args.requests} requests: "
          f"{len(concurrent) / wall:.0f} requests/s, p50 {statistics.median(concurrent):.1f} ms, "
          f"p95 {percentile(concurrent, 95):.1f} ms, p99 {percentile(concurrent, 99):.1f} ms, {errors} errors")
    if Path("/usr/bin/chromium").exists():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
            page = browser.new_page()
            loads = []
            for _ in range(5):
                started = time.perf_counter()
                page.goto(base + "/")
                page.wait_for_selector("body[data-loaded]")
                loads.append((time.perf_counter() - started) * 1000)
            browser.close()
        print(f"page load until the table shows (500 newest events, map, timeline over all {n}): "
              f"median {statistics.median(loads):.0f} ms, max {max(loads):.0f} ms over 5 loads")
    server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
