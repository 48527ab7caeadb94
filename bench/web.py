"""Load test of `marsad serve` on loopback, and the web page's load time.

usage: python bench/web.py [N_EVENTS] [--clients C] [--requests R] [--seconds S] [--warmup W] [--think T]
       [--workers N]   (defaults: 100,000 events, 200 clients, 4,000 requests, at most 120 s, 5 s of warm-up,
       no think time, 2 server processes)

Builds a database of N synthetic events, starts `marsad serve --workers N` on a free loopback port as its
own process, and lets C clients, each on its own keep-alive connection, send filtered /api/events queries
drawn at random (country and type, a date window, a radius around a point, an actor) until R requests
are answered or S seconds pass. With --think T each client waits a random time (mean T seconds) between
its requests, as a person reading the results would; without it the clients send as fast as the server
answers (saturation). Prints throughput, p50/p95/p99 and errors, overall and per kind of filter; then
(where Debian's chromium is installed) times the page until its table shows.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from synthetic import COUNTRIES, TYPES, insert_events, synthetic

from marsad.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def random_query(rnd: random.Random) -> tuple[str, dict[str, str | int]]:
    kind = rnd.choices(["country", "dates", "near", "actor", "rare actor"], weights=[30, 30, 25, 10, 5])[0]
    if kind == "country":
        query: dict[str, str | int] = {"country": rnd.choice(COUNTRIES)[0]}
        if rnd.random() < 0.5:
            query["type"] = rnd.choice(TYPES)
    elif kind == "dates":
        start = rnd.randrange(1, 300)
        query = {"since": f"2016-{1 + start // 31:02d}-{1 + start % 28:02d}"}
        query["until"] = f"2016-{min(12, 2 + start // 31):02d}-{1 + start % 28:02d}"
    elif kind == "near":
        query = {"near": f"{rnd.uniform(13, 37):.2f},{rnd.uniform(36, 49):.2f},{rnd.choice([25, 50, 100, 200])}"}
    else:
        query = {"actor": "Houthis" if kind == "actor" else "Hamas"}
    query["limit"] = 100
    return kind, query


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, target: str) -> bool:
    """One GET on a keep-alive connection; True when it was answered 200. EOFError: the server had
    closed the idle connection before this request."""
    writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    status = await reader.readline()
    if not status:
        raise EOFError
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    await reader.readexactly(length)
    return status.split(b" ")[1] == b"200"


async def client(port: int, seed: int, think: float, budget: dict[str, float], out: list[tuple[str, float, bool]]) -> None:
    """One user on one keep-alive HTTP/1.1 connection; with think time, users arrive spread over it."""
    rnd = random.Random(seed)
    if think:
        await asyncio.sleep(rnd.uniform(0, think))
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    while budget["left"] > 0 and time.perf_counter() < budget["until"]:
        kind, query = random_query(rnd)
        target = f"/api/events?{urlencode(query)}"
        started = time.perf_counter()
        try:
            try:
                ok = await fetch(reader, writer, target)
            except (EOFError, ConnectionResetError, BrokenPipeError):     # idle connection closed: reconnect
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                started = time.perf_counter()
                ok = await fetch(reader, writer, target)
        except (OSError, EOFError, asyncio.IncompleteReadError, IndexError):
            ok = False
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        if started >= budget["measure_from"]:
            budget["left"] -= 1
            out.append((kind, (time.perf_counter() - started) * 1000, ok))
        if think:
            await asyncio.sleep(rnd.expovariate(1 / think))
    writer.close()


async def load(port: int, clients: int, requests: int, seconds: float, think: float, warmup: float) -> tuple[list, float]:
    out: list[tuple[str, float, bool]] = []
    budget = {"left": float(requests), "until": time.perf_counter() + seconds,
              "measure_from": time.perf_counter() + warmup}
    await asyncio.gather(*(client(port, seed, think, budget, out) for seed in range(clients)))
    return out, time.perf_counter() - budget["measure_from"]


def line(label: str, ms: list[float]) -> str:
    return (f"{label:<12} {len(ms):>6}  p50 {statistics.median(ms):7.1f}  p95 {percentile(ms, 95):7.1f}  "
            f"p99 {percentile(ms, 99):7.1f}  max {max(ms):7.1f} ms")


def page_load(base: str) -> list[float]:
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
    return loads


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--think", type=float, default=0.0, help="mean seconds between a client's requests")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of load before measuring")
    args = parser.parse_args(argv)
    db = str(Path(tempfile.mkdtemp()) / "web.sqlite")
    insert_events(open_store(db), synthetic(args.n))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    marsad = Path(sys.executable).with_name("marsad")
    server = subprocess.Popen([str(marsad), "serve", "--db", db, "--port", str(port), "--workers", str(args.workers)],
                              cwd=ROOT, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/api/config", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        results, wall = asyncio.run(load(port, args.clients, args.requests, args.seconds + args.warmup,
                                               args.think, args.warmup))
        errors = sum(not ok for _, _, ok in results)
        print(f"{args.n} events, `marsad serve --workers {args.workers}`, {args.clients} clients"
              f"{f' (think time {args.think} s)' if args.think else ' (no think time)'}: {len(results)} requests in "
              f"{wall:.1f} s = {len(results) / wall:.0f} requests/s, {errors} errors")
        print(line("all", [ms for _, ms, _ in results]))
        for kind in ("country", "dates", "near", "actor", "rare actor"):
            ms = [t for k, t, _ in results if k == kind]
            if ms:
                print(line(kind, ms))
        if Path("/usr/bin/chromium").exists():
            loads = page_load(base)
            print(f"page load until the table shows (500 newest events, map, timeline over all {args.n}): "
                  f"median {statistics.median(loads):.0f} ms, max {max(loads):.0f} ms over 5 loads")
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
