"""How incident linking scales: synthetic events, linked as `marsad ingest` links them.

usage: python bench/linking.py [N_EVENTS] [--db PATH]

Events are spread over a year, six types and the box 12–38°N, 35–50°E, three to a document, with
one in four repeating an earlier event (another outlet's report). Prints events linked per second;
blocking by type and date keeps the time per event flat as the database grows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from synthetic import insert_events, synthetic

from marsad.store import open_store
from marsad.store.link import link_events


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv)
    path = args.db or Path(tempfile.mkdtemp()) / "link.sqlite"
    store = open_store(str(path))
    events = synthetic(args.n)
    insert_events(store, events)
    started = time.perf_counter()
    lap = started
    for i in range(0, len(events), 3):
        with store.transaction():
            link_events(store, events[i:i + 3])
        if (i // 3 + 1) % 10_000 == 0:
            now = time.perf_counter()
            print(f"{i + 3} events linked, last 30,000 at {30_000 / (now - lap):.0f}/s", file=sys.stderr)
            lap = now
    seconds = time.perf_counter() - started
    counts = store.counts()
    print(f"{len(events)} events -> {counts['incidents']} incidents in {seconds:.1f}s "
          f"({len(events) / seconds:.0f} events/s); 1,000,000 events at this rate: {1e6 / (len(events) / seconds) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
